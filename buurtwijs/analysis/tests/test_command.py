"""manage.py analyse_questions: the JSON contract and bad input."""

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from buurtwijs.analysis.tests.devset import devset
from buurtwijs.analysis.themes import load_themes


def _write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def _run(source: Path, output: Path) -> tuple[dict, str, str]:
    out, err = StringIO(), StringIO()
    call_command(
        "analyse_questions",
        str(source),
        "--output",
        str(output),
        stdout=out,
        stderr=err,
    )
    return json.loads(output.read_text("utf-8")), out.getvalue(), err.getvalue()


def test_command_writes_items_clusters_and_theme_counts(tmp_path: Path) -> None:
    # given
    rows = [["id", "text", "municipality", "role"]] + [
        [q.id, q.text, "GM0363", "bewoner"] for q in devset()[:80]
    ]
    source = _write(tmp_path / "in.csv", rows)
    # when
    result, out, _ = _run(source, tmp_path / "out.json")
    # then
    assert set(result) == {"items", "clusters", "themes"}
    assert [item["id"] for item in result["items"]] == [q.id for q in devset()[:80]]
    slugs = {theme.slug for theme in load_themes()}
    for item in result["items"]:
        assert set(item) == {"id", "themes", "cluster"}
        assert {theme["slug"] for theme in item["themes"]} == slugs
        scores = [theme["score"] for theme in item["themes"]]
        assert scores == sorted(scores, reverse=True)
        assert set(item["themes"][0]) == {"slug", "score"}
    cluster_ids = {cluster["id"] for cluster in result["clusters"]}
    assert {item["cluster"] for item in result["items"]} == cluster_ids
    for cluster in result["clusters"]:
        assert set(cluster) == {"id", "label", "theme", "size", "examples"}
        assert cluster["theme"] in slugs
        assert 1 <= len(cluster["examples"]) <= cluster["size"]
    assert sum(cluster["size"] for cluster in result["clusters"]) == 80
    assert {theme["slug"] for theme in result["themes"]} == slugs
    counts = [theme["count"] for theme in result["themes"]]
    assert counts == sorted(counts, reverse=True)
    assert "80 questions" in out


def test_csv_without_id_or_text_column_is_refused_in_one_line(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.csv", [["nummer", "vraag"], ["1", "Hoe?"]])
    with pytest.raises(CommandError) as refused:
        _run(source, tmp_path / "out.json")
    message = str(refused.value)
    assert "\n" not in message
    assert "id" in message and "text" in message
    assert not (tmp_path / "out.json").exists()


def test_empty_texts_are_skipped_with_a_warning(tmp_path: Path) -> None:
    rows = [
        ["id", "text"],
        ["1", "Hoe vind ik vrijwilligers?"],
        ["2", "   "],
        ["3", ""],
    ]
    result, out, err = _run(_write(tmp_path / "in.csv", rows), tmp_path / "out.json")
    assert [item["id"] for item in result["items"]] == ["1"]
    assert "id 2 has no text" in err
    assert "id 3 has no text" in err
    assert "2 empty skipped" in out


def test_any_unicode_long_and_one_word_texts_work(tmp_path: Path) -> None:
    rows = [
        ["ID", "Text"],
        ["a", "Eenzaamheid"],
        ["b", "😀 مرحبا 你好 — ça va? Ünïcödé ‮reversed"],
        ["c", "Hoe bereiken we eenzame ouderen in de wijk? " * 5_000],
        ["d", "x"],
        ["e", "Hoe richt je een buurtcoöperatie op?\nMet statuten\tenzo."],
    ]
    result, _, _ = _run(_write(tmp_path / "in.csv", rows), tmp_path / "out.json")
    by_id = {item["id"]: item for item in result["items"]}
    assert set(by_id) == {"a", "b", "c", "d", "e"}
    assert by_id["a"]["themes"][0]["slug"] == "ontmoeting-en-eenzaamheid"
    assert {theme["score"] for theme in by_id["b"]["themes"]} == {0.0}
    assert by_id["e"]["themes"][0]["slug"] == "organiseren-en-financieren"


def test_semicolon_separated_files_from_dutch_spreadsheets_are_read(
    tmp_path: Path,
) -> None:
    rows = [["id", "text"], ["1", "Hoe kom ik aan subsidie, en bij wie?"]]
    source = _write(tmp_path / "in.csv", rows, delimiter=";")
    result, _, _ = _run(source, tmp_path / "out.json")
    assert result["items"][0]["themes"][0]["slug"] == "organiseren-en-financieren"


def test_files_that_are_not_utf8_csv_are_refused_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes("id,text\n1,coöperatie\n".encode("utf-16"))
    with pytest.raises(CommandError, match="UTF-8"):
        _run(source, tmp_path / "out.json")
    with pytest.raises(CommandError, match="cannot be read"):
        _run(tmp_path / "missing.csv", tmp_path / "out.json")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(CommandError, match="empty"):
        _run(tmp_path / "empty.csv", tmp_path / "out.json")
