#!/usr/bin/python3
"""Compare GradLens benchmark results with the PyTorch peer's, as a Markdown table.

Usage:
    /usr/bin/python3 bench/compare.py GRADLENS.jsonl PYTORCH.jsonl [--out table.md] [--strict]
    /usr/bin/python3 bench/compare.py --steady ALONE.jsonl SUITE.jsonl [--out table.md] [--strict]
    /usr/bin/python3 bench/compare.py --self-test

Both inputs are JSON-lines files with one record per workload:
    {"workload": NAME, "impl": "gradlens"|"pytorch", "median_ms": x, ..., "extra": {...}}
Lines that are not JSON objects (log noise) are skipped with a note on stderr.
If a workload appears twice in one file (`--rounds N`), the last record wins in the main
table, and a drift section compares each workload's last round with its first (records carry
extra.round); a drift of more than DRIFT_LIMIT (10 %) is flagged.

--steady compares a file of stand-alone runs (each workload alone in a fresh process, as
bench/steady.sh makes it) with a file of one suite process: per workload the suite's slowest
round over the stand-alone median, flagged outside 1 +- DRIFT_LIMIT (issue 15: "each workload at
its stand-alone speed, +-10 %, in any order"). --strict makes a flag exit 1.

The table has one row per workload:
    workload | GradLens median ms | PyTorch median ms | ratio (ours/peer) | target | met?
"ratio" is GradLens / PyTorch, lower is better. Targets are either a ratio bound
or an absolute bound on GradLens alone (see TARGETS). A workload missing from
either file shows "—"; a target that cannot be checked shows "—" under met?.

Needs only the Python standard library (no torch).
"""

import argparse
import datetime
import json
import os
import platform
import sys

# Preferred row order; workloads not listed here are appended alphabetically.
ORDER = [
    "lstm_train_step",
    "lstm_rrr_step",
    "saliency_b1",
    "saliency_throughput",
    "hidden_map_200",
    "hidden_map_1403",
    "cnn_train_step",
    "pixel_saliency_throughput",
    "representer_query",
    "gemm_2048",
    "mlp_epoch",
    "mlp_rrr_epoch",
]

# Targets. kind "ratio": ours/peer <= bound. kind "abs_ms": ours median <= bound.
# kind "abs_ms_and_rss": ours median <= ms bound AND ours extra.peak_rss_mb < MB bound.
TARGETS = {
    "lstm_train_step": {"kind": "ratio", "max": 0.5},
    "lstm_rrr_step": {"kind": "ratio", "max": 0.5},
    "saliency_b1": {"kind": "ratio", "max": 1.0},
    "hidden_map_200": {"kind": "ratio", "max": 0.33},
    "hidden_map_1403": {"kind": "abs_ms_and_rss", "max_ms": 30000.0, "max_rss_mb": 2048.0},
    "representer_query": {"kind": "abs_ms", "max_ms": 50.0},
    # issue #15, round 2
    "cnn_train_step": {"kind": "ratio", "max": 1.0},
    "pixel_saliency_throughput": {"kind": "ratio", "max": 1.0},
    "mlp_epoch": {"kind": "ratio", "max": 1.0},
    "mlp_rrr_epoch": {"kind": "ratio", "max": 1.0},
}

DASH = "—"

# A workload whose speed changes by more than this across rounds, or against its stand-alone
# run, is flagged.
DRIFT_LIMIT = 0.10


def cpu_model():
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def load_jsonl(path):
    """Records of a JSON-lines file keyed by workload name (last one wins)."""
    out = {}
    for rec in load_records(path):
        out[rec["workload"]] = rec
    return out


def load_records(path):
    """Every record of a JSON-lines file, in file order."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except ValueError:
                sys.stderr.write("compare.py: %s:%d: not JSON, skipped\n" % (path, lineno))
                continue
            if not isinstance(rec, dict) or "workload" not in rec:
                sys.stderr.write("compare.py: %s:%d: no 'workload' field, skipped\n" % (path, lineno))
                continue
            out.append(rec)
    return out


def extra_of(rec):
    return rec.get("extra") if rec and isinstance(rec.get("extra"), dict) else {}


def by_round(records):
    """{workload: [(round, median_ms), ...]} in round order, for records with a median."""
    out = {}
    for i, rec in enumerate(records):
        m = median(rec)
        if m is None:
            continue
        rnd = number(extra_of(rec).get("round"))
        out.setdefault(rec["workload"], []).append((int(rnd) if rnd is not None else i + 1, m))
    for runs in out.values():
        runs.sort()
    return out


def drift(runs):
    """(first median, last median, last/first - 1) of [(round, median)], None with < 2 rounds."""
    if len(runs) < 2 or runs[0][1] <= 0:
        return None
    first, last = runs[0][1], runs[-1][1]
    return first, last, last / first - 1.0


def flag(change):
    return "**yes**" if abs(change) > DRIFT_LIMIT else "no"


def drift_lines(side, records):
    """Markdown rows of the drift section for one side; [] when no workload ran twice."""
    rows = []
    busy = busy_by_round(records)
    for name, runs in sorted(by_round(records).items(), key=lambda kv: order_key(kv[0])):
        d = drift(runs)
        if d is None:
            continue
        load = "%s / %s" % (busy.get((name, runs[0][0]), DASH), busy.get((name, runs[-1][0]), DASH))
        rows.append("| %s | %s | %d | %s | %s | %+.1f %% | %s | %s |"
                    % (side, name, len(runs), fmt_ms(d[0]), fmt_ms(d[1]), 100 * d[2], flag(d[2]), load))
    return rows


def busy_by_round(records):
    """{(workload, round): 'x.xx'}: cores other processes held during (GradLens) or just before
    (peer) each record's timed runs."""
    out = {}
    for i, rec in enumerate(records):
        ex = extra_of(rec)
        x = number(ex.get("other_busy_cores_during", ex.get("other_busy_cores_before")))
        rnd = number(ex.get("round"))
        if x is not None:
            out[(rec["workload"], int(rnd) if rnd is not None else i + 1)] = "%.2f" % x
    return out


def order_key(name):
    return (ORDER.index(name), "") if name in ORDER else (len(ORDER), name)


def cpu_line(side, records):
    """'- CPU (side): model, N cores, avx2 yes, avx512f no' from the records' extra, or None."""
    ex = next((extra_of(r) for r in records if extra_of(r).get("cpu_model")), None)
    if not ex:
        return None
    def yn(key):
        return DASH if key not in ex else ("yes" if ex[key] else "no")
    return "- CPU (%s records): %s, %s cores, avx2 %s, avx512f %s" % (
        side, ex.get("cpu_model"), ex.get("cpu_count", "?"), yn("cpu_avx2"), yn("cpu_avx512f"))


def number(x):
    """x as a float if it is a finite number (not bool), else None."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        return None
    return x


def median(rec):
    return number(rec.get("median_ms")) if rec else None


def fmt_ms(x):
    if x is None:
        return DASH
    if x >= 100:
        return "%.0f" % x
    if x >= 10:
        return "%.1f" % x
    if x >= 1:
        return "%.2f" % x
    return "%.3f" % x


def is_quick(rec):
    return bool(rec and isinstance(rec.get("extra"), dict) and rec["extra"].get("quick"))


def status_note(rec):
    """extra.status of a record that has no timing (timeout, OOM, ...), if any."""
    if rec and isinstance(rec.get("extra"), dict) and rec["extra"].get("status"):
        return str(rec["extra"]["status"])
    return None


def evaluate(name, ours, peer):
    """(target text, met text) for one workload."""
    t = TARGETS.get(name)
    if t is None:
        return DASH, DASH
    m_ours, m_peer = median(ours), median(peer)
    if t["kind"] == "ratio":
        text = "ratio ≤ %g" % t["max"]
        if m_ours is None or m_peer is None or m_peer <= 0:
            return text, DASH
        return text, "yes" if m_ours / m_peer <= t["max"] else "no"
    if t["kind"] == "abs_ms":
        text = "ours ≤ %g ms" % t["max_ms"]
        if m_ours is None:
            return text, DASH
        return text, "yes" if m_ours <= t["max_ms"] else "no"
    if t["kind"] == "abs_ms_and_rss":
        text = "ours ≤ %g ms and peak < %g MB" % (t["max_ms"], t["max_rss_mb"])
        if m_ours is None:
            return text, DASH
        rss = None
        if isinstance(ours.get("extra"), dict):
            rss = number(ours["extra"].get("peak_rss_mb"))
        time_ok = m_ours <= t["max_ms"]
        if rss is None:
            # Time alone cannot make it "met": the memory half is unknown.
            return text, "no (time)" if not time_ok else "? (no peak_rss_mb)"
        rss_ok = rss < t["max_rss_mb"]
        if time_ok and rss_ok:
            return text, "yes"
        why = [w for w, ok in (("time", time_ok), ("memory", rss_ok)) if not ok]
        return text, "no (%s)" % ", ".join(why)
    return DASH, DASH


# extra keys worth showing in the details section, in this order.
DETAIL_KEYS = ["gflops", "sequences_per_s", "sentences_per_s", "images_per_s", "peak_rss_mb",
               "process_peak_rss_mb_so_far", "other_busy_cores_before", "other_busy_cores_during",
               "cpu_cores_used", "status", "quick"]


def details(rec):
    if not rec or not isinstance(rec.get("extra"), dict):
        return DASH
    ex = rec["extra"]
    parts = ["%s=%s" % (k, ex[k]) for k in DETAIL_KEYS if k in ex and ex[k] is not False]
    return "; ".join(parts) if parts else DASH


def build_table(ours_path, peer_path):
    ours_records = load_records(ours_path)
    peer_records = load_records(peer_path)
    ours_all = {r["workload"]: r for r in ours_records}
    peer_all = {r["workload"]: r for r in peer_records}
    names = [n for n in ORDER if n in ours_all or n in peer_all or n in TARGETS]
    names += sorted(n for n in set(ours_all) | set(peer_all) if n not in ORDER)

    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append("# GradLens vs PyTorch benchmark")
    lines.append("")
    lines.append("- Date: %s" % now)
    lines.append("- Cores (os.cpu_count()): %s" % os.cpu_count())
    lines.append("- CPU (this machine, when the table was made): %s" % cpu_model())
    for side, records in (("GradLens", ours_records), ("PyTorch", peer_records)):
        line = cpu_line(side, records)
        if line:
            lines.append(line)
    try:
        lines.append("- Load average (1/5/15 min) when the table was made: %.2f / %.2f / %.2f"
                     % os.getloadavg())
    except OSError:
        pass
    peer_extra = next((r.get("extra") for r in peer_all.values()
                       if isinstance(r.get("extra"), dict)), None) or {}
    if peer_extra:
        lines.append("- PyTorch peer: torch %s, %s thread(s), BLAS %s, OPENBLAS_CORETYPE %s"
                     % (peer_extra.get("torch_version", "?"), peer_extra.get("threads", "?"),
                        peer_extra.get("blas", "?"), peer_extra.get("openblas_coretype", "?")))
    busy = [number(r["extra"].get("other_busy_cores_before")) for r in peer_all.values()
            if isinstance(r.get("extra"), dict)]
    busy = [x for x in busy if x is not None]
    if busy:
        lines.append("- Cores kept busy by other processes just before each peer workload: "
                     "%.2f to %.2f%s"
                     % (min(busy), max(busy),
                        "  **(machine was busy: peer timings are inflated, so ratios look "
                        "better for GradLens than they are)**" if max(busy) > 0.25 else ""))
    lines.append("- Inputs: GradLens `%s`, PyTorch `%s`" % (ours_path, peer_path))
    if any(is_quick(r) for r in list(ours_all.values()) + list(peer_all.values())):
        lines.append("- **WARNING: some results come from a --quick run (marked *quick*); "
                     "they only show that the benchmark runs, not how fast.**")
    lines.append("")
    lines.append("| workload | GradLens median ms | PyTorch median ms | ratio (ours/peer, lower is better) | target | met? |")
    lines.append("|---|---:|---:|---:|---|---|")
    summary = {"yes": 0, "no": 0, "unknown": 0}
    for name in names:
        ours, peer = ours_all.get(name), peer_all.get(name)
        m_ours, m_peer = median(ours), median(peer)
        ratio = DASH
        if m_ours is not None and m_peer is not None and m_peer > 0:
            ratio = "%.3f" % (m_ours / m_peer)
        c_ours, c_peer = fmt_ms(m_ours), fmt_ms(m_peer)
        if m_ours is None and status_note(ours):
            c_ours = "%s (%s)" % (DASH, status_note(ours))
        if m_peer is None and status_note(peer):
            c_peer = "%s (%s)" % (DASH, status_note(peer))
        if is_quick(ours):
            c_ours += " *quick*"
        if is_quick(peer):
            c_peer += " *quick*"
        target, met = evaluate(name, ours, peer)
        if name in TARGETS:
            key = "yes" if met == "yes" else ("no" if met.startswith("no") else "unknown")
            summary[key] += 1
        lines.append("| %s | %s | %s | %s | %s | %s |" % (name, c_ours, c_peer, ratio, target, met))
    lines.append("")
    lines.append("Targets met: %d of %d (%d not met, %d could not be checked)."
                 % (summary["yes"], len([n for n in names if n in TARGETS]),
                    summary["no"], summary["unknown"]))
    lines.append("")
    drifts = drift_lines("GradLens", ours_records) + drift_lines("PyTorch", peer_records)
    if drifts:
        lines.append("## Drift across rounds (last round's median vs the first's; flagged beyond ±%d %%)"
                     % round(100 * DRIFT_LIMIT))
        lines.append("")
        lines.append("| side | workload | rounds | first ms | last ms | change | flagged? "
                     "| other processes' cores, first / last |")
        lines.append("|---|---|---:|---:|---:|---:|---|---|")
        lines.extend(drifts)
        lines.append("")
        summary["drift_flags"] = sum(1 for row in drifts if "| **yes** |" in row)
        lines.append("Drift beyond ±%d %%: %d workload(s) (with --strict, a failure)."
                     % (round(100 * DRIFT_LIMIT), summary["drift_flags"]))
        lines.append("")
    lines.append("## Details (from each record's `extra`)")
    lines.append("")
    lines.append("| workload | GradLens | PyTorch |")
    lines.append("|---|---|---|")
    for name in names:
        lines.append("| %s | %s | %s |" % (name, details(ours_all.get(name)), details(peer_all.get(name))))
    lines.append("")
    return "\n".join(lines), summary


def steady_table(alone_path, suite_path):
    """(Markdown, number of flagged workloads): the suite's speed against stand-alone runs."""
    suite_records = load_records(suite_path)
    alone_records = load_records(alone_path)
    alone = by_round(alone_records)
    suite = by_round(suite_records)
    lines = ["# Steady speed: each workload in one suite process vs alone in a fresh process", ""]
    line = cpu_line("suite", suite_records)
    lines.append(line or "- CPU: %s" % cpu_model())
    lines.append("- Alone: `%s`; suite: `%s`" % (alone_path, suite_path))
    lines.append("")
    lines.append("| workload | alone ms | suite ms per round | worst suite / alone | outside ±%d %%? "
                 "| other processes' cores, alone / suite |" % round(100 * DRIFT_LIMIT))
    lines.append("|---|---:|---|---:|---|---|")
    flagged = 0
    alone_busy = other_busy(alone_records)
    suite_busy = other_busy(suite_records)
    for name in sorted(set(alone) | set(suite), key=order_key):
        a = statistics_median([m for _, m in alone.get(name, [])])
        rounds = [m for _, m in suite.get(name, [])]
        busy = "%s / %s" % (alone_busy.get(name, DASH), suite_busy.get(name, DASH))
        if a is None or not rounds or a <= 0:
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                name, fmt_ms(a), ", ".join(fmt_ms(m) for m in rounds) or DASH, DASH, DASH, busy))
            continue
        worst = max(rounds, key=lambda m: abs(m / a - 1.0))
        flagged += abs(worst / a - 1.0) > DRIFT_LIMIT
        lines.append("| %s | %s | %s | %.3f | %s | %s |" % (
            name, fmt_ms(a), ", ".join(fmt_ms(m) for m in rounds), worst / a, flag(worst / a - 1.0), busy))
    lines.append("")
    lines.append("Outside ±%d %%: %d workload(s)." % (round(100 * DRIFT_LIMIT), flagged))
    lines.append("")
    return "\n".join(lines), flagged


def other_busy(records):
    """{workload: 'x, y'}: extra.other_busy_cores_during of each record (GradLens side), in order.

    Cores that other processes held while the runs were timed: a ratio far from 1 with these
    far apart is the machine's load, not the process.
    """
    out = {}
    for rec in records:
        x = number(extra_of(rec).get("other_busy_cores_during"))
        if x is not None:
            out.setdefault(rec["workload"], []).append("%.2f" % x)
    return {k: ", ".join(v) for k, v in out.items()}


def statistics_median(values):
    if not values:
        return None
    v = sorted(values)
    mid = len(v) // 2
    return v[mid] if len(v) % 2 else (v[mid - 1] + v[mid]) / 2.0


def self_test():
    """Checks drift, flags, round grouping and the steady table on made-up records."""
    import tempfile
    recs = [{"workload": "gemm_2048", "median_ms": 100.0, "extra": {"round": 1, "cpu_model": "X",
                                                                     "cpu_avx2": True}},
            {"workload": "saliency_b1", "median_ms": 20.0, "extra": {"round": 1,
                                                                       "other_busy_cores_during": 0.5}},
            {"workload": "gemm_2048", "median_ms": 105.0, "extra": {"round": 2}},
            {"workload": "saliency_b1", "median_ms": 30.0, "extra": {"round": 2,
                                                                       "other_busy_cores_during": 1.2}},
            {"workload": "gemm_2048", "median_ms": 250.0, "extra": {"round": 3}}]
    rounds = by_round(recs)
    assert rounds["gemm_2048"] == [(1, 100.0), (2, 105.0), (3, 250.0)], rounds
    first, last, change = drift(rounds["gemm_2048"])
    assert (first, last) == (100.0, 250.0) and abs(change - 1.5) < 1e-12
    assert drift([(1, 10.0)]) is None
    assert flag(0.099) == "no" and flag(-0.11) == "**yes**" and flag(0.11) == "**yes**"
    rows = drift_lines("GradLens", recs)
    assert len(rows) == 2 and rows[0].startswith("| GradLens | saliency_b1 | 2 |"), rows
    assert "+50.0 %" in rows[0] and rows[0].endswith("| **yes** | 0.50 / 1.20 |"), rows
    assert rows[1].endswith("| **yes** | — / — |"), rows
    assert cpu_line("GradLens", recs) == "- CPU (GradLens records): X, ? cores, avx2 yes, avx512f —"
    with tempfile.TemporaryDirectory() as d:
        alone, suite = os.path.join(d, "alone.jsonl"), os.path.join(d, "suite.jsonl")
        with open(alone, "w") as fh:
            fh.write(json.dumps({"workload": "gemm_2048", "median_ms": 100.0}) + "\n")
            fh.write(json.dumps({"workload": "saliency_b1", "median_ms": 20.0}) + "\n")
        with open(suite, "w") as fh:
            fh.write("\n".join(json.dumps(r) for r in recs[:4]) + "\nnoise\n")
        text, flagged = steady_table(alone, suite)
        assert flagged == 1, text                       # saliency 30/20 = 1.5; gemm 105/100 within
        assert "| gemm_2048 | 100 | 100, 105 | 1.050 | no | — / — |" in text, text
        assert "| saliency_b1 | 20.0 | 20.0, 30.0 | 1.500 | **yes** | — / 0.50, 1.20 |" in text, text
    sys.stdout.write("compare.py self-test: ok\n")
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        return self_test()
    p = argparse.ArgumentParser(description="Markdown comparison of GradLens vs PyTorch benchmark JSON lines.")
    p.add_argument("gradlens", help="JSON-lines file from `bin/gradlens bench --format jsonl` "
                                    "(with --steady: the stand-alone runs)")
    p.add_argument("pytorch", help="JSON-lines file from bench/pytorch_peer.py "
                                   "(with --steady: the one-process suite run)")
    p.add_argument("--out", help="also write the table to this file")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 unless every target is met and no workload drifts "
                        "beyond 10 %% across rounds (with --steady: unless "
                        "every workload is within ±10 %% of its stand-alone speed)")
    p.add_argument("--steady", action="store_true",
                   help="compare stand-alone runs (first file) with one suite process (second file)")
    p.add_argument("--self-test", action="store_true", help="run the built-in checks and exit")
    args = p.parse_args(argv)
    for path in (args.gradlens, args.pytorch):
        if not os.path.isfile(path):
            p.error("no such file: %s" % path)
    if args.steady:
        text, flagged = steady_table(args.gradlens, args.pytorch)
        summary = {"no": flagged, "unknown": 0}
    else:
        text, summary = build_table(args.gradlens, args.pytorch)
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    if args.strict and (summary["no"] or summary["unknown"] or summary.get("drift_flags")):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
