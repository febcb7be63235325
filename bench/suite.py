#!/usr/bin/env python3
"""Brainstem vs Brian2 (cpp_standalone), same models, sizes and machine, in one invocation.

Run through bench/run.sh, which builds the project first. For every model, size and thread count
it runs Brian2's bench.py and then Brainstem's BenchMain once per JDK, each as its own process
under GNU time -v (with --repeat K, K such rounds, interleaved, each cell their median), and prints markdown tables (one per JDK) of run-loop time, whole-process
time, peak RSS and firing rates, with the ratios Brainstem/Brian2. Raw results go to
bench/results/<stamp>.jsonl, the tables to bench/results/<stamp>.md.

Times: "loop" is the simulation loop only (Brian2: device._last_run_time; Brainstem: runner.run()
after a JIT warm-up: the network runs --warmup ms of biological time, then runner.reset() restores
its initial state; the counterpart of Brian2's C++ compilation, which its loop time leaves out too). "process" is
the whole process that simulates: Brian2's compiled binary (synapse creation, initialisation, loop,
writing results; code generation and C++ compilation excluded) and Brainstem's JVM from start to
exit (warm-up and network construction included). Brainstem runs with --add-modules
jdk.incubator.vector (vector kernels); the EINet whole-process row runs as the example does (no
warm-up: its 100 ms run keeps the vector kernels off, docs/runners.md, "Scalar runs first").
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Where the tools are (docs/benchmarks.md, "Where the tools are"): the environment, else PATH.
# Brian2's side: bench.py in BRIAN2_PEERS, by default shared/peers/brian2 beside this clone.
BRIAN2_PEERS = os.environ.get('BRIAN2_PEERS') or os.path.join(ROOT, '..', 'shared', 'peers', 'brian2')
BRIAN2 = os.path.join(BRIAN2_PEERS, 'bench.py')
# The python3 with Brian2 installed: BRIAN2_PYTHON, else the one running this script.
BRIAN2_PYTHON = os.environ.get('BRIAN2_PYTHON') or sys.executable
# GNU time (-v gives the peak RSS), not the shell's keyword.
GNU_TIME = os.environ.get('GNU_TIME') or shutil.which('time') or 'time'


def java_for(major):
    """JDK <major>'s java: $JAVA<major>_HOME/bin/java, else java on PATH if it is that version."""
    home = os.environ.get('JAVA%s_HOME' % major)
    if home:
        return os.path.join(home, 'bin', 'java')
    java = shutil.which('java')
    if java:
        version = subprocess.run([java, '-version'], capture_output=True, text=True).stderr
        first = version.splitlines()[0] if version else ''
        if re.search(r'version "%s([."])' % re.escape(major), first):
            return java
    return None


def time_v(path):
    d = {}
    with open(path) as f:
        for line in f:
            if ': ' in line:
                k, v = line.split(': ', 1)
                d[k.strip()] = v.strip()
    secs = 0.0
    for x in d['Elapsed (wall clock) time (h:mm:ss or m:ss)'].split(':'):
        secs = secs * 60 + float(x)
    return secs, int(d['Maximum resident set size (kbytes)']) / 1024, float(d['User time (seconds)'])


def run(cmd, timeout, cwd=None):
    with tempfile.NamedTemporaryFile(suffix='.time', delete=False) as tf:
        tpath = tf.name
    p = subprocess.run([GNU_TIME, '-v', '-o', tpath] + cmd, capture_output=True, text=True,
                       timeout=timeout, cwd=cwd)
    lines = [l for l in p.stdout.splitlines() if l.startswith('RESULT ')]
    if p.returncode != 0 or not lines:
        sys.stderr.write('FAILED: %s\n%s\n' % (' '.join(cmd), p.stderr[-3000:]))
        return None
    res = json.loads(lines[0][7:])
    res['process_wall_s'], res['process_maxrss_MB'], res['process_user_s'] = time_v(tpath)
    os.unlink(tpath)
    return res


# The plasticity models' Brian2 side lives here (bench/brian2_plastic.py), not in the peers.
PLASTIC = ('song2000', 'stdp-ei')


# --isa avx2 emulates an AVX2 machine on an AVX-512 one, on both sides: Brainstem's JVM gets
# -XX:UseAVX=2 and Brian2 compiles its C++ with -mno-avx512f added to its default flags (through
# a brian_preferences file in the directory it runs in, which Brian2 reads at import). Without the
# latter Brian2 would keep AVX-512 code that the AVX2 machine cannot run.
ISA = 'native'
_BRIAN2_CWD = None


def brian2_cwd():
    """The directory Brian2 runs in: None natively, else one whose brian_preferences drop AVX-512."""
    global _BRIAN2_CWD
    if ISA == 'native':
        return None
    if _BRIAN2_CWD is None:
        flags = subprocess.run(
            [BRIAN2_PYTHON, '-c', 'from brian2 import prefs; '
             'print(repr(list(prefs.codegen.cpp.extra_compile_args_gcc)))'],
            capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        flags = eval(flags) + ['-mno-avx512f']  # noqa: S307 (a list literal Brian2 printed)
        _BRIAN2_CWD = tempfile.mkdtemp(prefix='brian2-avx2-')
        with open(os.path.join(_BRIAN2_CWD, 'brian_preferences'), 'w') as f:
            f.write('codegen.cpp.extra_compile_args_gcc = %r\n' % flags)
    return _BRIAN2_CWD


def brian2(model, n, threads, duration, seed):
    # threads 1 = no OpenMP (Brian2's default); n > 1 = OpenMP with n threads
    omp = str(0 if threads == 1 else threads)
    if model in PLASTIC:
        cmd = [BRIAN2_PYTHON, os.path.join(HERE, 'brian2_plastic.py'), '--model', model,
               '--N', str(n), '--duration', str(duration), '--seed', str(seed), '--threads', omp]
    else:
        cmd = [BRIAN2_PYTHON, BRIAN2, '--model', model, '--target', 'cpp_standalone',
               '--N', str(n), '--k', '80', '--duration', str(duration), '--seed', str(seed),
               '--threads', omp]
    res = run(cmd, timeout=3600, cwd=brian2_cwd())
    if res:
        parts = [float(x) for x in res['binary_elapsed'].split(':')]
        res['process_s'] = parts[0] * 60 + parts[1] if len(parts) == 2 else \
            parts[0] * 3600 + parts[1] * 60 + parts[2]
        res['rss_MB'] = res['binary_maxrss_MB']
    return res


WARMUP_MS = 300


PRECISION = 'double'
# Extra JVM options for every Brainstem run (--java-opts, else $BENCH_JAVA_OPTS), e.g.
# '-XX:UseAVX=2' to run an AVX-512 machine as an AVX2 one.
JAVA_OPTS = []
# 'fast': the models compiled with -Abrainstem.fastMath=true (bench/pom.xml) come first on the
# class path, as a user's build with that option would have them.
MATH = 'exact'


def brainstem(java, model, n, threads, duration, seed, extra=(), vector=True, warmup=None):
    warmup = WARMUP_MS if warmup is None else warmup
    modules = ['--add-modules', 'jdk.incubator.vector'] if vector else []
    # The step loop allocates nothing, so the serial collector suffices; G1 grows its heap
    # during the warm-up (the Vector API allocates until C2 compiles it): 460 vs 350 MB at 400k.
    modules += ['-XX:+UseSerialGC'] + JAVA_OPTS
    cp = os.path.join(HERE, 'target', 'classes') + os.pathsep + \
        open(os.path.join(HERE, 'target', 'classpath.txt')).read().strip()
    if MATH == 'fast':
        cp = os.path.join(HERE, 'target', 'fastmath-classes') + os.pathsep + cp
    res = run([java] + modules + ['-cp', cp,
               'io.brainstem.bench.BenchMain', '--model', model, '--N', str(n),
               '--k', '80', '--duration', str(duration), '--threads', str(threads),
               '--seed', str(seed), '--warmup', str(warmup), '--precision', PRECISION]
              + list(extra), timeout=3600)
    if res:
        res['process_s'] = res['process_wall_s']
        res['rss_MB'] = res['process_maxrss_MB']
    return res


def median_run(runs):
    """One run's record from several of the same cell: each timing and size their median."""
    runs = [r for r in runs if r]
    if not runs:
        return None
    out = dict(runs[0])
    for key in ('t_run_loop', 'process_s', 'rss_MB', 'process_wall_s', 'process_maxrss_MB'):
        values = sorted(r[key] for r in runs if r.get(key) is not None)
        if values:
            mid = len(values) // 2
            out[key] = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
    out['runs'] = len(runs)
    out['loop_samples'] = [r.get('t_run_loop') for r in runs]
    return out


def ratio(a, b):
    return '%.2f' % (a / b) if a is not None and b else 'n/a'


def fmt(x, digits=3):
    return 'n/a' if x is None else ('%.*f' % (digits, x))


def table(rows, jdk):
    out = ['### JDK %s' % jdk, '',
           '| model | N | thr | loop B2 s | loop BS s | **loop BS/B2** | process B2 s | process BS s '
           '| process BS/B2 | RSS B2 MB | RSS BS MB | RSS BS/B2 | rate E/I B2 Hz | rate E/I BS Hz '
           '| rate diff |',
           '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|']
    for r in rows:
        b, s = r['brian2'], r['brainstem'].get(jdk)
        g = lambda d, k: d.get(k) if d else None
        rate_b = g(b, 'rate_all_Hz')
        rate_s = g(s, 'rate_all_Hz')
        diff = '%+.1f %%' % (100 * (rate_s - rate_b) / rate_b) if rate_b and rate_s is not None else 'n/a'
        out.append('| %s | %d | %d | %s | %s | **%s** | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (
            r['model'], r['N'], r['threads'],
            fmt(g(b, 't_run_loop')), fmt(g(s, 't_run_loop')),
            ratio(g(s, 't_run_loop'), g(b, 't_run_loop')),
            fmt(g(b, 'process_s'), 2), fmt(g(s, 'process_s'), 2),
            ratio(g(s, 'process_s'), g(b, 'process_s')),
            fmt(g(b, 'rss_MB'), 0), fmt(g(s, 'rss_MB'), 0), ratio(g(s, 'rss_MB'), g(b, 'rss_MB')),
            '%s / %s' % (fmt(g(b, 'rate_E_Hz'), 1), fmt(g(b, 'rate_I_Hz'), 1)),
            '%s / %s' % (fmt(g(s, 'rate_E_Hz'), 1), fmt(g(s, 'rate_I_Hz'), 1)), diff))
    return '\n'.join(out)


def main():
    global WARMUP_MS, PRECISION, JAVA_OPTS, ISA, MATH
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--quick', action='store_true', help='only N = 4000')
    ap.add_argument('--models', default='coba,einet,cuba,cobahh',
                    help='any of coba, einet, cuba, cobahh, and the plasticity models song2000 '
                         '(1000 Poisson inputs onto one LIF, STDP; N is ignored) and stdp-ei '
                         '(EINet of N neurons, fan-in 125, STDP on E->E)')
    ap.add_argument('--sizes', default='4000,40000,400000')
    ap.add_argument('--threads', default='1,2')
    ap.add_argument('--jdks', default='17,25')
    ap.add_argument('--duration', type=float, default=1.0, help='biological time, s')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--warmup', type=float, default=WARMUP_MS,
                    help='Brainstem JIT warm-up (then reset), ms of biological time')
    ap.add_argument('--precision', default='double', choices=['double', 'float'],
                    help='how Brainstem stores state (Brian2 runs float64 either way)')
    ap.add_argument('--java-opts', default=os.environ.get('BENCH_JAVA_OPTS', ''),
                    help='extra JVM options for every Brainstem run, space-separated (default: '
                         '$BENCH_JAVA_OPTS), e.g. "-XX:UseAVX=2" to emulate an AVX2 machine')
    ap.add_argument('--isa', default='native', choices=['native', 'avx2'],
                    help='avx2: run an AVX-512 machine as an AVX2 one on both sides (Brainstem '
                         '-XX:UseAVX=2, Brian2 compiled with -mno-avx512f)')
    ap.add_argument('--math', default='exact', choices=['exact', 'fast'],
                    help='fast: the models compiled with -Abrainstem.fastMath=true (divisions by '
                         'parameters as products with reciprocals, as Brian2\'s -ffast-math)')
    ap.add_argument('--repeat', type=int, default=1,
                    help='rounds per cell (Brian2, then Brainstem on each JDK), interleaved; each '
                         'cell is their median: use 3 or more on a shared or noisy machine')
    ap.add_argument('--million', action='store_true',
                    help='also run Brainstem alone on COBA with 1 000 000 neurons')
    args = ap.parse_args()
    WARMUP_MS = args.warmup
    JAVA_OPTS = args.java_opts.split()
    MATH = args.math
    ISA = args.isa
    if ISA == 'avx2' and '-XX:UseAVX=2' not in JAVA_OPTS:
        JAVA_OPTS.append('-XX:UseAVX=2')
    PRECISION = args.precision
    sizes = [4000] if args.quick else [int(s) for s in args.sizes.split(',')]
    jdks = []
    JDKS = {}
    for jdk in args.jdks.split(','):
        JDKS[jdk] = java_for(jdk)
        if JDKS[jdk]:
            jdks.append(jdk)
        else:
            print('# JDK %s skipped: set JAVA%s_HOME (java on PATH is another version)' % (jdk, jdk),
                  file=sys.stderr)
    if not jdks:
        sys.exit('no JDK to run Brainstem on: set JAVA17_HOME or JAVA25_HOME (see --jdks)')
    if not os.path.isfile(BRIAN2):
        sys.exit('no Brian2 benchmark at %s: set BRIAN2_PEERS to the directory of bench.py' % BRIAN2)
    stamp = datetime.datetime.utcnow().strftime('%Y%m%d-%H%M%S')
    os.makedirs(os.path.join(HERE, 'results'), exist_ok=True)
    raw = open(os.path.join(HERE, 'results', stamp + '.jsonl'), 'w')

    rows = []
    for model in args.models.split(','):
        for n in sizes:
            for threads in [int(t) for t in args.threads.split(',')]:
                print('# %s N=%d threads=%d: Brian2 ...' % (model, n, threads), file=sys.stderr,
                      flush=True)
                b2_runs, bs_runs = [], {jdk: [] for jdk in jdks}
                for k in range(args.repeat):
                    if k:
                        print('# %s N=%d threads=%d: round %d of %d, Brian2 ...' % (
                            model, n, threads, k + 1, args.repeat), file=sys.stderr, flush=True)
                    b2_runs.append(brian2(model, n, threads, args.duration, args.seed))
                    for jdk in jdks:
                        print('# %s N=%d threads=%d: Brainstem JDK %s ...' % (model, n, threads,
                                                                              jdk),
                              file=sys.stderr, flush=True)
                        bs_runs[jdk].append(brainstem(JDKS[jdk], model, n, threads,
                                                      args.duration, args.seed))
                row = dict(model=model, N=n, threads=threads, brian2=median_run(b2_runs),
                           brainstem={jdk: median_run(bs_runs[jdk]) for jdk in jdks})
                rows.append(row)
                raw.write(json.dumps(row) + '\n')
                raw.flush()

    extra = []
    # The seed's EINet for 100 ms, from `java` to the raster PNG written.
    for jdk in jdks:
        png = os.path.join(tempfile.gettempdir(), 'brainstem-einet-%s.png' % jdk)
        r = median_run([brainstem(JDKS[jdk], 'einet', 4000, 1, 0.1, 42, ['--raster', png],
                                  warmup=0) for _ in range(args.repeat)])
        extra.append('| EINet 100 ms + raster PNG, whole process | JDK %s | %s s | %s MB |' % (
            jdk, fmt(r and r['process_s'], 2), fmt(r and r['rss_MB'], 0)))
        raw.write(json.dumps(dict(einet_png=jdk, result=r)) + '\n')
    if args.million:
        for jdk in jdks:
            r = brainstem(JDKS[jdk], 'coba', 1000000, 1, args.duration, args.seed)
            extra.append('| COBA 1 000 000 neurons, 80 synapses each, 1 s | JDK %s | %s s (loop %s s) '
                         '| %s MB |' % (jdk, fmt(r and r['process_s'], 1),
                                        fmt(r and r['t_run_loop'], 1), fmt(r and r['rss_MB'], 0)))
            raw.write(json.dumps(dict(million=jdk, result=r)) + '\n')
    raw.close()

    md = ['## Brainstem (BS) vs Brian2 2.5.1 cpp_standalone (B2), %s UTC' % stamp, '',
          ('Each cell is one run' if args.repeat == 1 else
           'Each cell is the median of %d runs, the two simulators alternated' % args.repeat)
          + ' (seed %d, %g s of biological time, dt 0.1 ms, k = 80 inputs).' % (
              args.seed, args.duration)]
    kernels = sorted({'JDK %s: %s' % (jdk, r['brainstem'][jdk].get('kernels'))
                      for r in rows for jdk in jdks if r['brainstem'].get(jdk)})
    md += ['Brainstem kernels (warm-up %g ms, %s state): %s.' % (WARMUP_MS, PRECISION,
                                                                  '; '.join(kernels)),
           'Brainstem JVM options: %s.' % (' '.join(JAVA_OPTS) or 'none beyond the defaults'),
           'Brainstem models compiled with %s.' % ('-Abrainstem.fastMath=true' if MATH == 'fast'
                                                  else 'exact division (the default)'),
           'Instruction set: %s.' % ('AVX2 on both sides (Brian2 compiled with -mno-avx512f)'
                                     if ISA == 'avx2' else 'native on both sides'), '']
    for jdk in jdks:
        md += [table(rows, jdk), '']
    md += ['### Other targets', '', '| run | JDK | wall | peak RSS |', '|---|---|---:|---:|'] + extra
    text = '\n'.join(md) + '\n'
    with open(os.path.join(HERE, 'results', stamp + '.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
