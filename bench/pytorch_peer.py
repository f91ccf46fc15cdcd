#!/usr/bin/python3
"""PyTorch reference peer for the GradLens benchmark suite.

PyTorch is only a *reference* here: it is never a dependency of GradLens.
Install it with Debian's package (PyTorch 1.13.x, CPU):

    apt-get update && apt-get install -y python3-torch

and always run this script with /usr/bin/python3 (the Debian interpreter the
package installs for), not a pyenv/virtualenv python3 that may come first on PATH.

Output: one JSON object per workload and per line on stdout:

    {"workload": NAME, "impl": "pytorch", "median_ms": x, "min_ms": x,
     "max_ms": x, "p25_ms": x, "p75_ms": x, "runs": n, "extra": {...}}

Diagnostics (torch version, threads, CPU model, progress) go to stderr.

Every workload uses float32, torch.manual_seed(--seed) right before it is
built (so results do not depend on which other workloads ran before), a
warm-up phase that is not timed, and then `runs` timed repetitions measured
with time.perf_counter(). The workload definitions and exact shapes are in
bench/README.md and in the docstring of each workload function below.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time



def _cpu_flags():
    """The 'flags' line of /proc/cpuinfo as a set (empty if unreadable)."""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def _choose_openblas_coretype():
    """Pick OPENBLAS_CORETYPE from the CPU flags, unless the user already set it.

    Must run BEFORE torch (and so OpenBLAS) is loaded. On virtual machines whose
    CPU reports a generic model name ("Intel(R) Xeon(R) Processor"), Debian's
    dynamic-arch OpenBLAS cannot identify the core and falls back to its
    'Prescott' (SSE3) kernels, several times slower than this CPU can do.
    We name the core from the instruction-set flags instead; the choice is
    reported in every record's extra.openblas_coretype. --no-coretype-fix
    (or setting OPENBLAS_CORETYPE yourself) turns this off.
    """
    if "PYTORCH_PEER_CORETYPE_NOTE" in os.environ:   # a --child of ours: keep the parent's note
        return os.environ["PYTORCH_PEER_CORETYPE_NOTE"]
    if "OPENBLAS_CORETYPE" in os.environ:
        return os.environ["OPENBLAS_CORETYPE"] + " (set by the user)"
    if "--no-coretype-fix" in sys.argv[1:]:
        return "not set (OpenBLAS auto-detection)"
    flags = _cpu_flags()
    if {"avx512f", "avx512bw", "avx512vl", "avx512dq"} <= flags:
        core = "SkylakeX"
    elif {"avx2", "fma"} <= flags:
        core = "Haswell"
    else:
        return "not set (OpenBLAS auto-detection)"
    os.environ["OPENBLAS_CORETYPE"] = core
    return core + " (chosen from /proc/cpuinfo flags)"


OPENBLAS_CORETYPE = _choose_openblas_coretype()
os.environ["PYTORCH_PEER_CORETYPE_NOTE"] = OPENBLAS_CORETYPE

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write(
        "pytorch_peer.py: PyTorch is not importable by %s.\n"
        "Install the reference peer with:\n"
        "    apt-get update && apt-get install -y python3-torch\n"
        "and run this script with /usr/bin/python3.\n" % sys.executable)
    sys.exit(3)


# --------------------------------------------------------------------------
# Helpers: machine info, memory, statistics, timing
# --------------------------------------------------------------------------

def cpu_model():
    """CPU model name from /proc/cpuinfo (first 'model name' line)."""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def blas_library():
    """Which BLAS shared library this process actually mapped (after one mat-mul).

    Debian's python3-torch is built against the generic libblas.so.3, which the
    'alternatives' system points at either netlib's reference BLAS (libblas3,
    very slow) or OpenBLAS (libopenblas0-openmp). We report the real file.
    """
    torch.ones(64, 64) @ torch.ones(64, 64)   # make sure the BLAS is loaded
    found = []
    try:
        with open("/proc/self/maps") as fh:
            for line in fh:
                path = line.split()[-1] if len(line.split()) >= 6 else ""
                base = os.path.basename(path)
                if ("blas" in base or "mkl" in base) and path not in found:
                    found.append(path)
    except OSError:
        return "unknown"
    return ", ".join(found) if found else "none mapped"


def blas_is_reference(blas):
    """True if the mapped BLAS is netlib's unoptimised reference libblas."""
    return "/blas/libblas.so" in blas and "openblas" not in blas


def peak_rss_mb():
    """Peak resident set size of THIS process so far, in MiB.

    On Linux ru_maxrss is in KiB. It is a high-water mark over the whole life
    of the process, so it is only a per-workload number when the workload ran
    alone in a fresh process (see --child / --isolate).
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _proc_status_mb(field):
    """A 'kB' field of /proc/self/status (VmRSS, VmHWM, ...) in MiB, or None."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return None


def current_rss_mb():
    """Current resident set size (VmRSS) of this process in MiB, or None."""
    return _proc_status_mb("VmRSS")


def hwm_rss_mb():
    """Peak RSS of this process image (VmHWM) in MiB, falling back to ru_maxrss.

    Why not ru_maxrss alone: Linux carries ru_maxrss across fork+exec, so a child
    started by a 300 MB Python parent reports at least the parent's RSS at fork
    time. VmHWM is the high-water mark of the exec'd image only, which is what
    a per-workload peak needs.
    """
    v = _proc_status_mb("VmHWM")
    return v if v is not None else peak_rss_mb()


def _cpu_times():
    """(busy, total) jiffies summed over all CPUs from the first line of /proc/stat."""
    with open("/proc/stat") as fh:
        vals = [int(v) for v in fh.readline().split()[1:]]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)     # idle + iowait
    total = sum(vals[:8])                                   # guest time is already in user
    return total - idle, total


def other_cpu_busy_cores(seconds=0.5):
    """How many cores OTHER processes keep busy, sampled over `seconds` while we sleep.

    This process is idle during the sample, so the busy share of /proc/stat is
    someone else's work (compilers, other benchmarks). 0.0 = idle machine,
    2.0 = both cores of a 2-core machine taken. None if /proc/stat is unreadable.
    """
    try:
        b0, t0 = _cpu_times()
        time.sleep(seconds)
        b1, t1 = _cpu_times()
    except (OSError, ValueError, IndexError):
        return None
    if t1 <= t0:
        return None
    return (b1 - b0) / float(t1 - t0) * (os.cpu_count() or 1)


def percentile(sorted_values, q):
    """Linear-interpolated percentile (q in [0, 100]) of an ascending list."""
    if not sorted_values:
        return None
    if len(sorted_values) == 1:
        return sorted_values[0]
    pos = (len(sorted_values) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    frac = pos - lo
    return sorted_values[lo] * (1.0 - frac) + sorted_values[hi] * frac


def time_runs(fn, warmup, runs):
    """Call fn() `warmup` times untimed, then `runs` times timed; return ms list."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return times


def make_record(name, times_ms, extra):
    """Build the JSON-lines record for one workload from its timings (ms)."""
    s = sorted(times_ms)
    return {
        "workload": name,
        "impl": "pytorch",
        "median_ms": round(statistics.median(s), 4) if s else None,
        "min_ms": round(s[0], 4) if s else None,
        "max_ms": round(s[-1], 4) if s else None,
        "p25_ms": round(percentile(s, 25), 4) if s else None,
        "p75_ms": round(percentile(s, 75), 4) if s else None,
        "runs": len(s),
        "extra": extra,
    }


def log(msg):
    sys.stderr.write("[pytorch_peer] %s\n" % msg)
    sys.stderr.flush()


def reps(args, full, quick):
    """Pick (warmup, runs) for full or --quick mode."""
    return quick if args.quick else full


# --------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------

class LstmClassifier(nn.Module):
    """Embedding(V, E) -> 1-layer LSTM(E -> H, batch_first) -> last h -> Linear(H, C).

    ids    : LongTensor [B, T], values in [2, V)
    embed  : x = Embedding(ids)          -> [B, T, E]
    lstm   : out, (h_n, c_n) = LSTM(x)   -> h_n[-1] is h at t = T-1, [B, H]
    head   : logits = Linear(h_n[-1])    -> [B, C]
    """

    def __init__(self, vocab=20000, emb=100, hidden=128, classes=2):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, num_layers=1, batch_first=True)
        self.fc = nn.Linear(hidden, classes)

    def from_embedded(self, x):
        """Logits [B, C] from the embedding output x [B, T, E]."""
        _, (h_n, _) = self.lstm(x)
        return self.fc(h_n[-1])

    def forward(self, ids):
        return self.from_embedded(self.emb(ids))


class SmallCnn(nn.Module):
    """MNIST-sized CNN (NCHW):

    [B,1,28,28] -Conv3x3(1->32, valid)+ReLU-> [B,32,26,26] -MaxPool2-> [B,32,13,13]
    -Conv3x3(32->64, valid)+ReLU-> [B,64,11,11] -MaxPool2-> [B,64,5,5]
    -Flatten-> [B,1600] -Linear(1600,128)+ReLU-> [B,128] -Linear(128,10)-> [B,10]
    """

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=3)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3)
        self.fc1 = nn.Linear(64 * 5 * 5, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


def log_pmax_sum(logits):
    """Σ_n log p_max(n): log-softmax probability of each row's predicted class, summed.

    max over the log-softmax equals the log-prob of the argmax class; its
    gradient flows only into that class, as with a gather at argmax.
    """
    return F.log_softmax(logits, dim=1).max(dim=1).values.sum()


# Shapes shared by the LSTM workloads.
V, E, H_LSTM, C_LSTM = 20000, 100, 128, 2
B_LSTM, T_LSTM = 32, 200


def random_ids(gen_shape, vocab=V):
    """Random token ids in [2, vocab) (0 and 1 reserved for pad/OOV; no padding used)."""
    return torch.randint(2, vocab, gen_shape, dtype=torch.long)


def lstm_step_flops(b, t, e, h):
    """FLOP estimate of ONE LSTM training step (forward + backward).

    forward FLOPs ≈ 2·B·T·(E+H)·4H   (the four gate mat-muls [E+H] x [4H] per step)
                  + 2·B·H·2          (the Linear(H, 2) head)
    step FLOPs    = 3 × forward FLOPs (backward ≈ 2 × forward)
    Element-wise gate math, the embedding look-up and Adam are not counted.
    """
    fwd = 2.0 * b * t * (e + h) * 4 * h + 2.0 * b * h * 2
    return 3.0 * fwd


# --------------------------------------------------------------------------
# Workloads. Each returns the record dict (see make_record).
# --------------------------------------------------------------------------

def wl_lstm_train_step(args):
    """One Adam training step of the LSTM classifier.

    ids [32, 200] random in [2, 20000), labels [32] random in {0, 1};
    step = zero_grad + forward + softmax CE (batch mean) + backward + Adam(lr=1e-3).step.
    The same batch is reused every step.
    """
    model = LstmClassifier(V, E, H_LSTM, C_LSTM)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    ids = random_ids((B_LSTM, T_LSTM))
    y = torch.randint(0, C_LSTM, (B_LSTM,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(ids), y)
        loss.backward()
        opt.step()

    warmup, runs = reps(args, (3, 20), (1, 3))
    times = time_runs(step, warmup, runs)
    flops = lstm_step_flops(B_LSTM, T_LSTM, E, H_LSTM)
    med_s = statistics.median(times) / 1000.0
    return make_record("lstm_train_step", times, {
        "B": B_LSTM, "T": T_LSTM, "V": V, "E": E, "H": H_LSTM,
        "step_gflop_est": round(flops / 1e9, 4),
        "gflops": round(flops / med_s / 1e9, 3),
        "sequences_per_s": round(B_LSTM / med_s, 2),
    })


def wl_lstm_rrr_step(args):
    """One "right for the right reasons" (RRR) training step of the LSTM classifier.

    x = Embedding(ids), [32, 200, 100], part of the graph (requires grad via the
    embedding weight, so the penalty also trains the embedding).
    logits = LSTM/head(x), [32, 2]
    sal = Σ_e ∂(Σ_n log p_max(n)) / ∂x[n, t, e]   -> [32, 200], create_graph=True
    loss = CE(logits, y) + λ · Σ_n Σ_t ((1 − Z[n, t]) · sal[n, t])²,  λ = 1.0
    Z: fixed random 0/1 mask [32, 200] (Bernoulli p = 0.5, seeded).
    Then loss.backward() (double backward through the LSTM) and Adam(1e-3).step.
    """
    model = LstmClassifier(V, E, H_LSTM, C_LSTM)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    ids = random_ids((B_LSTM, T_LSTM))
    y = torch.randint(0, C_LSTM, (B_LSTM,))
    z = torch.bernoulli(torch.full((B_LSTM, T_LSTM), 0.5))
    lam = 1.0

    def step():
        opt.zero_grad()
        x = model.emb(ids)                      # [B, T, E], non-leaf, requires_grad
        logits = model.from_embedded(x)         # [B, C]
        ce = F.cross_entropy(logits, y)
        (gx,) = torch.autograd.grad(log_pmax_sum(logits), x, create_graph=True)
        sal = gx.sum(dim=2)                     # [B, T]
        penalty = ((1.0 - z) * sal).pow(2).sum()
        loss = ce + lam * penalty
        loss.backward()
        opt.step()

    warmup, runs = reps(args, (2, 10), (1, 2))
    times = time_runs(step, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record("lstm_rrr_step", times, {
        "B": B_LSTM, "T": T_LSTM, "V": V, "E": E, "H": H_LSTM, "lambda": lam,
        "sequences_per_s": round(B_LSTM / med_s, 2),
    })


def saliency_scores(model, ids):
    """Saliency [B, T]: Σ_e ∂(Σ_n log p_max(n)) / ∂x[n, t, e], x = embedding output.

    The embedding output is detached and made a leaf with requires_grad, and
    torch.autograd.grad asks only for ∂/∂x, so no parameter gradients are formed.
    Rows are independent, so the batched gradient gives each row its own saliency.
    """
    x = model.emb(ids).detach().requires_grad_(True)      # [B, T, E]
    logits = model.from_embedded(x)                        # [B, C]
    (gx,) = torch.autograd.grad(log_pmax_sum(logits), x)
    return gx.sum(dim=2)                                   # [B, T]


def wl_saliency_b1(args):
    """Batch-1 token saliency, T = 200, LSTM classifier in eval mode -> 200 scores."""
    model = LstmClassifier(V, E, H_LSTM, C_LSTM).eval()
    ids = random_ids((1, T_LSTM))

    def run():
        s = saliency_scores(model, ids)
        assert s.shape == (1, T_LSTM)

    warmup, runs = reps(args, (5, 50), (2, 5))
    times = time_runs(run, warmup, runs)
    return make_record("saliency_b1", times, {"B": 1, "T": T_LSTM, "E": E, "H": H_LSTM})


def wl_saliency_throughput(args):
    """Token saliency for 1,000 random sentences of T = 50, in 10 batches of 100.

    One timed run = all 1,000 sentences. extra.sentences_per_s from the median.
    """
    model = LstmClassifier(V, E, H_LSTM, C_LSTM).eval()
    n_sent, t_len, batch = 1000, 50, 100
    ids = random_ids((n_sent, t_len))
    batches = list(torch.split(ids, batch))

    def run():
        for b in batches:
            s = saliency_scores(model, b)
            assert s.shape == (batch, t_len)

    warmup, runs = reps(args, (1, 5), (1, 2))
    times = time_runs(run, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record("saliency_throughput", times, {
        "sentences": n_sent, "T": t_len, "batch": batch,
        "sentences_per_s": round(n_sent / med_s, 2),
    })


class EmbLstm(nn.Module):
    """Embedding(20000, E) -> 1-layer LSTM(E -> H), returns every h_t.

    Used unbatched: ids [T] -> x [T, E] -> h [T, H].
    """

    def __init__(self, vocab, emb, hidden):
        super().__init__()
        self.emb = nn.Embedding(vocab, emb)
        self.lstm = nn.LSTM(emb, hidden, num_layers=1)


def hidden_map(model, ids):
    """T x T hidden-state gradient map, the way a plain PyTorch user writes it.

    x = emb(ids) as a leaf with requires_grad, [T, E]; h = LSTM(x) all steps, [T, H].
    For every t: g = ∂(mean_u h[t, u]) / ∂x  ([T, E], via autograd.grad with
    retain_graph=True), G[t, s] = ‖g[s, :]‖₂. Rows s > t are 0 by causality.
    Each of the T backward passes walks the graph from step t back to step 0.
    """
    t_len = ids.shape[0]
    x = model.emb(ids).detach().requires_grad_(True)      # [T, E]
    h, _ = model.lstm(x)                                   # [T, H]
    G = torch.empty(t_len, t_len)
    for t in range(t_len):
        (g,) = torch.autograd.grad(h[t].mean(), x, retain_graph=True)
        G[t] = g.norm(dim=1)
    return G


def wl_hidden_map_200(args):
    """T x T hidden-state gradient map, T = 200, E = 100, H = 128 (one sequence)."""
    t_len, hid = 200, 128
    model = EmbLstm(V, E, hid).eval()
    ids = random_ids((t_len,))

    def run():
        G = hidden_map(model, ids)
        assert G.shape == (t_len, t_len)

    warmup, runs = reps(args, (1, 3), (1, 1))
    times = time_runs(run, warmup, runs)
    return make_record("hidden_map_200", times, {"T": t_len, "E": E, "H": hid})


# Full and --quick sizes of hidden_map_1403 (quick shrinks T; it is labelled so).
HM_BIG_T, HM_BIG_H = 1403, 200
HM_BIG_T_QUICK = 300
HM_BIG_T_WARMUP = 100


def wl_hidden_map_1403_inprocess(args):
    """hidden_map_1403 body: T = 1403, E = 100, H = 200; warm-up at T = 100, then 1 run.

    Meant to run in a fresh child process so that ru_maxrss is this workload's
    own peak. Writes progress lines to stderr every 100 rows.
    """
    t_len = HM_BIG_T_QUICK if args.quick else HM_BIG_T
    model = EmbLstm(V, E, HM_BIG_H).eval()
    rss_before = current_rss_mb()
    # Warm-up on a short sequence (same model), not timed.
    hidden_map(model, random_ids((HM_BIG_T_WARMUP,)))
    ids = random_ids((t_len,))

    x = model.emb(ids).detach().requires_grad_(True)
    t0 = time.perf_counter()
    h, _ = model.lstm(x)
    G = torch.empty(t_len, t_len)
    for t in range(t_len):
        (g,) = torch.autograd.grad(h[t].mean(), x, retain_graph=True)
        G[t] = g.norm(dim=1)
        if (t + 1) % 100 == 0:
            sys.stderr.write("PROGRESS %d %d %.3f\n" % (t + 1, t_len, time.perf_counter() - t0))
            sys.stderr.flush()
    ms = (time.perf_counter() - t0) * 1000.0
    return make_record("hidden_map_1403", [ms], {
        "T": t_len, "E": E, "H": HM_BIG_H, "warmup_T": HM_BIG_T_WARMUP,
        "peak_rss_mb": round(hwm_rss_mb(), 1),
        "ru_maxrss_mb": round(peak_rss_mb(), 1),
        "rss_before_workload_mb": round(rss_before, 1) if rss_before else None,
        "measured_in": "fresh child process, VmHWM (includes the python+torch baseline, "
                       "see rss_before_workload_mb)",
    })


def run_child(args, name, timeout_s):
    """Run one workload in a fresh `--child` subprocess and return its record.

    On timeout or abnormal exit (e.g. killed for memory) a record with
    median_ms = null and extra.status explaining why is returned instead.
    """
    cmd = [sys.executable, os.path.abspath(__file__), "--child", "--only", name,
           "--threads", str(args.threads), "--seed", str(args.seed)]
    if args.quick:
        cmd.append("--quick")
    log("running %s in a fresh subprocess (timeout %ds)" % (name, timeout_s))
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        err = exc.stderr or ""
        if isinstance(err, bytes):
            err = err.decode("utf-8", "replace")
        progress = [ln for ln in err.splitlines() if ln.startswith("PROGRESS ")]
        extra = {"status": "timeout after %d s" % timeout_s}
        if progress:
            _, done, total, secs = progress[-1].split()
            extra.update({"rows_done": int(done), "rows_total": int(total),
                          "seconds_for_rows_done": float(secs)})
        rec = make_record(name, [], extra)
        return rec
    elapsed = time.perf_counter() - t0
    for line in proc.stderr.splitlines():
        if not line.startswith("PROGRESS "):
            sys.stderr.write("  [child] %s\n" % line)
    records = []
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                records.append(json.loads(line))
            except ValueError:
                pass
    if proc.returncode == 0 and records:
        return records[-1]
    why = "child exited with code %d" % proc.returncode
    if proc.returncode in (-9, 137):
        why += " (SIGKILL: most likely out of memory)"
    tail = proc.stderr.strip().splitlines()[-3:]
    return make_record(name, [], {"status": why, "child_seconds": round(elapsed, 1),
                                  "stderr_tail": tail})


def wl_hidden_map_1403(args):
    if args.child:
        return wl_hidden_map_1403_inprocess(args)
    return run_child(args, "hidden_map_1403", args.child_timeout)


def wl_cnn_train_step(args):
    """One Adam(1e-3) training step of SmallCnn on a batch of 64 images [64,1,28,28].

    Images uniform in [0, 1), labels random in 0..9; same batch every step.
    """
    model = SmallCnn().train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    b = 64
    x = torch.rand(b, 1, 28, 28)
    y = torch.randint(0, 10, (b,))

    def step():
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    # Forward FLOPs per image (2 per multiply-add):
    #   conv1 2·(26·26·32)·(1·9) + conv2 2·(11·11·64)·(32·9) + fc1 2·1600·128 + fc2 2·128·10
    # step FLOPs ≈ 3 × forward × B (ReLU/pool/Adam not counted).
    fwd_img = 2 * (26 * 26 * 32) * 9 + 2 * (11 * 11 * 64) * (32 * 9) + 2 * 1600 * 128 + 2 * 128 * 10
    step_flops = 3.0 * fwd_img * b
    warmup, runs = reps(args, (5, 30), (2, 5))
    times = time_runs(step, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record("cnn_train_step", times, {
        "B": b, "step_gflop_est": round(step_flops / 1e9, 4),
        "gflops": round(step_flops / med_s / 1e9, 3),
        "images_per_s": round(b / med_s, 1),
    })


def wl_pixel_saliency_throughput(args):
    """Pixel saliency ∂(Σ_n log p_max(n))/∂pixels for 1,000 images [1,28,28], batches of 100.

    SmallCnn in eval mode; one timed run = all 1,000 images.
    """
    model = SmallCnn().eval()
    n_img, batch = 1000, 100
    imgs = torch.rand(n_img, 1, 28, 28)
    batches = list(torch.split(imgs, batch))

    def run():
        for b in batches:
            x = b.clone().requires_grad_(True)
            (g,) = torch.autograd.grad(log_pmax_sum(model(x)), x)
            assert g.shape == (batch, 1, 28, 28)

    warmup, runs = reps(args, (1, 5), (1, 2))
    times = time_runs(run, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record("pixel_saliency_throughput", times, {
        "images": n_img, "batch": batch,
        "images_per_s": round(n_img / med_s, 1),
    })


def wl_representer_query(args):
    """Representer-point query over N = 8,000 training points.

    F [8000, 128] training features, α [8000, 10] (random, seeded, precomputed).
    One query: scores = α[:, c] * (F @ f_t)  -> [8000]; then top-20 proponents
    (largest scores) and top-20 opponents (smallest) with torch.topk.
    The timed runs cycle through 16 pre-drawn (f_t, c) queries.
    """
    n, d, k, top = 8000, 128, 10, 20
    feats = torch.randn(n, d)
    alpha = torch.randn(n, k)
    queries = [(torch.randn(d), int(torch.randint(0, k, ()).item())) for _ in range(16)]
    state = {"i": 0}

    def run():
        f_t, c = queries[state["i"] % len(queries)]
        state["i"] += 1
        scores = alpha[:, c] * (feats @ f_t)
        pro = torch.topk(scores, top, largest=True)
        opp = torch.topk(scores, top, largest=False)
        assert pro.indices.shape == (top,) and opp.indices.shape == (top,)

    warmup, runs = reps(args, (20, 500), (5, 50))
    times = time_runs(run, warmup, runs)
    return make_record("representer_query", times, {"N": n, "D": d, "classes": k, "top": top})


def wl_gemm_2048(args):
    """float32 C = A @ B with A, B [2048, 2048] (standard normal). GFLOP/s = 2·n³ / t."""
    n = 2048
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    out = torch.empty(n, n)

    def run():
        torch.matmul(a, b, out=out)

    warmup, runs = reps(args, (2, 10), (1, 3))
    times = time_runs(run, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record("gemm_2048", times, {
        "n": n, "gflops": round(2.0 * n ** 3 / med_s / 1e9, 2),
    })


# --------------------------------------------------------------------------
# Small models: one epoch of an MLP on the shipped digits (GradLens: bench/MlpWorkloads.java)
# --------------------------------------------------------------------------

MLP_DATASETS = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "datasets")
MLP_BATCH = 256
MLP_HIDDEN = 128
MLP_ORDER_STRIDE = 7919      # prime, coprime with 8,000: position i of the epoch is example (i*7919) % n
MLP_SWATCH = 4
MLP_LAMBDA = 1000.0 / (MLP_BATCH * 255.0 * 255.0)   # the decoy experiment's lambda for batch 256


def read_idx_gz(path):
    """An IDX file (gzipped) as a uint8 tensor shaped by its header."""
    import gzip
    import struct
    with gzip.open(path, "rb") as fh:
        data = fh.read()
    magic, = struct.unpack(">I", data[:4])
    dims = magic & 0xff
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    body = bytearray(data[4 + 4 * dims:])
    return torch.frombuffer(body, dtype=torch.uint8).reshape(shape)


def mlp_data(masks):
    """The 8,000 shipped mnist training digits as [n, 784] floats (byte/255), labels, and masks.

    The mask of example k (file order) is 0 on the 4x4 swatch of corner k % 4 (top-left,
    top-right, bottom-left, bottom-right), 1 elsewhere; as MlpWorkloads.cornerMask.
    """
    images = read_idx_gz(os.path.join(MLP_DATASETS, "mnist10k-train-images-idx3-ubyte.gz"))
    labels = read_idx_gz(os.path.join(MLP_DATASETS, "mnist10k-train-labels-idx1-ubyte.gz")).long()
    n, h, w = images.shape
    x = images.reshape(n, h * w).float() / 255.0
    z = None
    if masks:
        z = torch.ones(n, h, w)
        for corner in range(4):
            top = 0 if corner < 2 else h - MLP_SWATCH
            left = 0 if corner % 2 == 0 else w - MLP_SWATCH
            z[corner::4, top:top + MLP_SWATCH, left:left + MLP_SWATCH] = 0.0
        z = z.reshape(n, h * w)
    return x, labels, z


def mlp_epoch_workload(args, name, penalised):
    """One epoch of MLP 784-128-10 (ReLU) on the 8,000 digits, batch 256, Adam(1e-3, eps 1e-7), CE.

    Batches are gathered by index in the order (i*7919) % 8000 (32 steps, the last of 64);
    penalised adds lam * sum(((1 - Z) * d(sum_k log p_k)/dx)^2) by double backpropagation
    (Ross et al. 2017), lam = 1000 / (256 * 255^2), as GradLens' ExplanationPenalty.
    """
    x_all, y_all, z_all = mlp_data(penalised)
    n = x_all.shape[0]
    order = torch.tensor([(i * MLP_ORDER_STRIDE) % n for i in range(n)], dtype=torch.long)
    model = nn.Sequential(nn.Linear(784, MLP_HIDDEN), nn.ReLU(), nn.Linear(MLP_HIDDEN, 10)).train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)
    steps = (n + MLP_BATCH - 1) // MLP_BATCH

    def epoch():
        for b in range(steps):
            idx = order[b * MLP_BATCH:(b + 1) * MLP_BATCH]
            x = x_all[idx]
            y = y_all[idx]
            opt.zero_grad()
            if penalised:
                x.requires_grad_(True)
                logits = model(x)
                explained = F.log_softmax(logits, dim=1).sum()
                (g,) = torch.autograd.grad(explained, x, create_graph=True)
                penalty = MLP_LAMBDA * ((1.0 - z_all[idx]) * g).pow(2).sum()
                loss = F.cross_entropy(logits, y) + penalty
            else:
                loss = F.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            if not torch.isfinite(loss):      # GradLens' Trainer checks every batch's loss too
                raise RuntimeError("loss diverged")

    forward = 2.0 * (784 * MLP_HIDDEN + MLP_HIDDEN * 10) * n
    flops = (6 if penalised else 3) * forward
    warmup, runs = reps(args, (3, 15), (1, 3))
    times = time_runs(epoch, warmup, runs)
    med_s = statistics.median(times) / 1000.0
    return make_record(name, times, {
        "examples": n, "batch": MLP_BATCH, "steps": steps,
        "epoch_gflop_est": round(flops / 1e9, 2), "gflops": round(flops / med_s / 1e9, 2),
        "ms_per_step": round(med_s * 1000.0 / steps, 3),
    })


def wl_mlp_epoch(args):
    return mlp_epoch_workload(args, "mlp_epoch", False)


def wl_mlp_rrr_epoch(args):
    return mlp_epoch_workload(args, "mlp_rrr_epoch", True)



# Order in which the workloads run (and appear in the output).
WORKLOADS = {
    "lstm_train_step": wl_lstm_train_step,
    "lstm_rrr_step": wl_lstm_rrr_step,
    "saliency_b1": wl_saliency_b1,
    "saliency_throughput": wl_saliency_throughput,
    "hidden_map_200": wl_hidden_map_200,
    "hidden_map_1403": wl_hidden_map_1403,
    "cnn_train_step": wl_cnn_train_step,
    "pixel_saliency_throughput": wl_pixel_saliency_throughput,
    "representer_query": wl_representer_query,
    "gemm_2048": wl_gemm_2048,
    "mlp_epoch": wl_mlp_epoch,
    "mlp_rrr_epoch": wl_mlp_rrr_epoch,
}


_M64 = (1 << 64) - 1


def parse_order(text, seed):
    """(kind, seed) of --order given|reverse|shuffle|shuffle:SEED; ValueError for anything else.

    The same flag as `bin/gradlens bench --order` (io.gradlens.bench.BenchOrder): a shuffle
    without a seed of its own uses --seed.
    """
    t = (text or "").strip().lower()
    if t in ("given", "reverse"):
        return t, 0
    if t == "shuffle":
        return "shuffle", seed
    if t.startswith("shuffle:"):
        try:
            return "shuffle", int(t[len("shuffle:"):])
        except ValueError:
            raise ValueError("--order shuffle:SEED needs an integer seed, got %r" % text)
    raise ValueError("unknown --order %r; use given, reverse, shuffle or shuffle:SEED" % text)


def arrange(names, order, round_):
    """The workloads of round `round_` (1-based) in `order` = (kind, seed).

    The shuffle is Fisher-Yates driven by SplitMix64 seeded with seed + round, the very
    generator of GradLens' BenchOrder, so both sides run the same permutation.
    """
    kind, seed = order
    out = list(names)
    if kind == "reverse":
        out.reverse()
    elif kind == "shuffle":
        state = (seed + round_) & _M64
        for i in range(len(out) - 1, 0, -1):
            state = (state + 0x9E3779B97F4A7C15) & _M64
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _M64
            z ^= z >> 31
            j = z % (i + 1)
            out[i], out[j] = out[j], out[i]
    return out


def order_text(order):
    return "shuffle:%d" % order[1] if order[0] == "shuffle" else order[0]


def parse_args(argv):
    p = argparse.ArgumentParser(description="PyTorch reference peer for the GradLens benchmarks.")
    p.add_argument("--quick", action="store_true",
                   help="few repeats (and T=300 for hidden_map_1403): checks that it works, "
                        "numbers are not for comparison")
    p.add_argument("--only", default="",
                   help="comma-separated workload names (default: all). Known: " + ", ".join(WORKLOADS))
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                   help="torch.set_num_threads (default: os.cpu_count())")
    p.add_argument("--seed", type=int, default=42, help="torch.manual_seed before each workload")
    p.add_argument("--isolate", action="store_true",
                   help="run every workload in its own fresh subprocess, so that "
                        "extra.peak_rss_mb is per workload")
    p.add_argument("--child-timeout", type=int, default=600,
                   help="seconds before a child workload (hidden_map_1403, or any with "
                        "--isolate) is abandoned and reported as a timeout (default 600)")
    p.add_argument("--no-coretype-fix", action="store_true",
                   help="do not set OPENBLAS_CORETYPE from the CPU flags (see README)")
    p.add_argument("--order", default="given",
                   help="order of the workloads in each round: given, reverse, shuffle or "
                        "shuffle:SEED (a new seeded permutation per round, the same as "
                        "`bin/gradlens bench --order`; default given)")
    p.add_argument("--rounds", type=int, default=1,
                   help="run the selected workloads this many times in this process, each "
                        "record tagged with extra.round (drift check; default 1)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    try:
        args.order = parse_order(args.order, args.seed)
    except ValueError as exc:
        p.error(str(exc))
    if args.rounds < 1:
        p.error("--rounds must be >= 1")
    if args.only:
        names = [s.strip() for s in args.only.split(",") if s.strip()]
        unknown = [s for s in names if s not in WORKLOADS]
        if unknown:
            p.error("unknown workload(s): %s (known: %s)" % (", ".join(unknown), ", ".join(WORKLOADS)))
        args.names = [n for n in WORKLOADS if n in names]
    else:
        args.names = list(WORKLOADS)
    if args.threads < 1:
        p.error("--threads must be >= 1")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    torch.set_num_threads(args.threads)
    torch.set_default_dtype(torch.float32)
    blas = blas_library()
    common = {
        "torch_version": torch.__version__,
        "blas": blas,
        "openblas_coretype": OPENBLAS_CORETYPE,
        "threads": torch.get_num_threads(),
        "cpu_model": cpu_model(),
        "cpu_count": os.cpu_count(),
        "cpu_avx2": "avx2" in _cpu_flags(),
        "cpu_avx512f": "avx512f" in _cpu_flags(),
        "seed": args.seed,
    }
    if args.quick:
        common["quick"] = True
    if not args.child:
        log("torch %s | threads %d (os.cpu_count()=%s) | CPU: %s | python %s"
            % (torch.__version__, torch.get_num_threads(), os.cpu_count(), cpu_model(),
               platform.python_version()))
        log("BLAS: %s | OPENBLAS_CORETYPE: %s" % (blas, OPENBLAS_CORETYPE))
        busy = other_cpu_busy_cores()
        if busy is not None and busy > 0.25:
            log("WARNING: other processes keep %.2f of %s cores busy (1-min load average "
                "%.2f): timings will be noisy and slow, multi-threaded runs suffer most. "
                "Measure on an idle machine." % (busy, os.cpu_count(), os.getloadavg()[0]))
        if blas_is_reference(blas):
            log("WARNING: torch is using netlib's REFERENCE BLAS (about 10x slower than an "
                "optimised one); the peer would be unfairly slow. Install OpenBLAS: "
                "apt-get install -y libopenblas0-openmp")
        log("mode: %s | workloads: %s" % ("QUICK (not for comparison)" if args.quick else "full",
                                          ", ".join(args.names)))
    for round_ in range(1, args.rounds + 1):
        for position, name in enumerate(arrange(args.names, args.order, round_)):
            t0 = time.perf_counter()
            load_before = round(os.getloadavg()[0], 2)
            busy_before = other_cpu_busy_cores() if not args.child else None
            if args.isolate and not args.child and name != "hidden_map_1403":
                rec = run_child(args, name, args.child_timeout)
            else:
                torch.manual_seed(args.seed)
                rec = WORKLOADS[name](args)
                if args.child:
                    rec["extra"].setdefault("peak_rss_mb", round(hwm_rss_mb(), 1))
                elif "peak_rss_mb" not in rec["extra"]:
                    # Not a per-workload number: the high-water mark of this process so far.
                    rec["extra"]["process_peak_rss_mb_so_far"] = round(peak_rss_mb(), 1)
            for key, val in common.items():
                rec["extra"].setdefault(key, val)
            rec["extra"].setdefault("loadavg_1min_before", load_before)
            if busy_before is not None:
                rec["extra"].setdefault("other_busy_cores_before", round(busy_before, 2))
                if busy_before > 0.25:
                    log("  (note: other processes kept %.2f cores busy just before %s)"
                        % (busy_before, name))
            rec["extra"]["round"] = round_
            rec["extra"]["position"] = position
            rec["extra"]["order"] = order_text(args.order)
            sys.stdout.write(json.dumps(rec) + "\n")
            sys.stdout.flush()
            if not args.child:
                log("%-26s median %s ms over %d run(s)  [%.1f s wall]"
                    % (name, rec["median_ms"], rec["runs"], time.perf_counter() - t0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
