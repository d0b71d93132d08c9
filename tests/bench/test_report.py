"""The bench's targets table: every target of issues 4 and 13, checked at each corpus size."""

from bench.report import target_rows


def _run(search_p95: float, store_ratio: float) -> dict:
    """One corpus size's results, as `python -m bench` saves them."""
    return {
        "search": {"p95_ms": search_p95, "max_ms": 20.0},
        "ingest_serial": {"extract_mb_per_s": 0.5, "mb_per_s": 0.4, "write_ms_per_article": 9.0},
        "ingest": {"mb_per_s_per_core": 0.3, "store_bytes_per_text_byte": store_ratio},
        "write_floor": {"ms_per_article": 3.0},
        "reingest": {"seconds": 1.0},
    }


def test_each_corpus_size_is_checked_against_every_store_target() -> None:
    rows = {name: (measured, verdict) for name, measured, verdict in
            target_rows({"runs": {"1000": _run(4.0, 5.0), "10000": _run(8.0, 2.5)}})}
    assert rows["N=1000: search p95 <= 5 ms"] == ("4 ms", "met")
    assert rows["N=10000: search p95 <= 5 ms"] == ("8 ms", "missed by 60%")
    assert rows["N=1000: store <= 3x the text"][1] == "missed by 67%"
    assert rows["N=10000: store <= 3x the text"][1] == "met"
    assert rows["N=1000: store writes <= 2x the floor"] == ("3 x", "missed by 50%")
    assert rows["N=1000: ingest >= 1 MB/s per core, every core"][1] == "missed by 70%"
    assert rows["N=1000: extraction alone >= 1 MB/s per core"][1] == "missed by 50%"


def test_what_was_not_measured_says_so() -> None:
    rows = {name: verdict for name, _, verdict in target_rows({"runs": {}})}
    assert rows["first screen <= 1.3x bare"] == "not measured"
    assert rows["keystroke p95 <= bare list-replace p50"] == "not measured"
