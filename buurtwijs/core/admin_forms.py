"""The admin form of records that store a Dutch sort key beside their name."""

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm

from buurtwijs.core.text import dutch_sort_key


class SortNameAdminForm(WagtailAdminModelForm):
    """Keeps ``sort_name`` in step with ``name`` when an editor saves in /beheer/."""

    def save(self, commit: bool = True) -> Any:
        self.instance.sort_name = dutch_sort_key(self.instance.name)
        return super().save(commit=commit)
