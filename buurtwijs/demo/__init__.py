"""The demo network loaded by `manage.py seed_demo`: real named content plus
generated, plausible Dutch initiatives, people and documents."""
