#!/usr/bin/python3
"""Compare GradLens benchmark results with the PyTorch peer's, as a Markdown table.

Usage:
    /usr/bin/python3 bench/compare.py GRADLENS.jsonl PYTORCH.jsonl [--out table.md] [--strict]

Both inputs are JSON-lines files with one record per workload:
    {"workload": NAME, "impl": "gradlens"|"pytorch", "median_ms": x, ..., "extra": {...}}
Lines that are not JSON objects (log noise) are skipped with a note on stderr.
If a workload appears twice in one file, the last record wins.

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
    "mlp_epoch": {"kind": "ratio", "max": 1.0},
    "mlp_rrr_epoch": {"kind": "ratio", "max": 1.0},
}

DASH = "—"


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
            out[rec["workload"]] = rec
    return out


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
               "process_peak_rss_mb_so_far", "other_busy_cores_before", "status", "quick"]


def details(rec):
    if not rec or not isinstance(rec.get("extra"), dict):
        return DASH
    ex = rec["extra"]
    parts = ["%s=%s" % (k, ex[k]) for k in DETAIL_KEYS if k in ex and ex[k] is not False]
    return "; ".join(parts) if parts else DASH


def build_table(ours_path, peer_path):
    ours_all = load_jsonl(ours_path)
    peer_all = load_jsonl(peer_path)
    names = [n for n in ORDER if n in ours_all or n in peer_all or n in TARGETS]
    names += sorted(n for n in set(ours_all) | set(peer_all) if n not in ORDER)

    lines = []
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append("# GradLens vs PyTorch benchmark")
    lines.append("")
    lines.append("- Date: %s" % now)
    lines.append("- Cores (os.cpu_count()): %s" % os.cpu_count())
    lines.append("- CPU: %s" % cpu_model())
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
    lines.append("## Details (from each record's `extra`)")
    lines.append("")
    lines.append("| workload | GradLens | PyTorch |")
    lines.append("|---|---|---|")
    for name in names:
        lines.append("| %s | %s | %s |" % (name, details(ours_all.get(name)), details(peer_all.get(name))))
    lines.append("")
    return "\n".join(lines), summary


def main(argv=None):
    p = argparse.ArgumentParser(description="Markdown comparison of GradLens vs PyTorch benchmark JSON lines.")
    p.add_argument("gradlens", help="JSON-lines file from `bin/gradlens bench --format jsonl`")
    p.add_argument("pytorch", help="JSON-lines file from bench/pytorch_peer.py")
    p.add_argument("--out", help="also write the table to this file")
    p.add_argument("--strict", action="store_true",
                   help="exit with status 1 unless every target is met")
    args = p.parse_args(argv)
    for path in (args.gradlens, args.pytorch):
        if not os.path.isfile(path):
            p.error("no such file: %s" % path)
    text, summary = build_table(args.gradlens, args.pytorch)
    sys.stdout.write(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    if args.strict and (summary["no"] or summary["unknown"]):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
