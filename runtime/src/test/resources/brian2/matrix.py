# The single-neuron reference matrix of io.brainstem.models.Brian2MatrixTest (issue 10): each case
# x method (euler, exp_auto, rk4) x dt (0.1, 0.01 ms), spike for spike.
# Run: cd runtime/src/test/resources/brian2 && /usr/bin/python3 matrix.py > matrix.out
# (Brian2 2.5.1, numpy target, 1 to 5 minutes.)
#
# Every case uses the library model's parameters and initial state (io.brainstem.models.*), units
# ms and mV as the library (dimensionless in Brian2, time constants in ms).
# - exp_auto: Brian2's 'exponential_euler' where each equation is linear in its own variable (LIF,
#   HH, COBA); for the others (ExpIF, AdEx, Izhikevich, FHN: exp(v), v**2, v**3) the method
#   'exp_auto' registered below, BrainPy's exp_auto step x + dt*exprel(dt*A)*f(x) with A = df/dx
#   and the other variables at step n. On a conditionally linear equation the two are the same
#   formula. (Brian2's exponential_euler refuses v**2 and v**3 but accepts exp(v) and keeps it at
#   step n, linearising only the leak: another method, which Brainstem does not offer.)
# - Spike time: Brian2's t of the step in which the threshold is met (Brainstem's ts); recorded as
#   the step index round(t/dt).
# - HH and FHN spike on an upward crossing of V_th: threshold 'v >= V_th' with the refractory
#   condition 'v >= V_th' (a neuron stays refractory while v >= V_th at the start of a step).
# - LIF: refractory 5 ms, Brian2's rule timestep(t - lastspike) < timestep(5 ms), v held
#   (unless refractory).
# - COBA: a SpikeGeneratorGroup drives an exponential conductance g (in the neuron's equations,
#   integrated with v by the same method: the coupled system) onto an LIF; also records v after
#   every VSTEP_MS ms. COBA_held: the same with the synaptic current held over each step, as
#   BrainPy and Brainstem's default (see the case below).
#
# Output lines (read by the test):
#   pre COBA <times ms...>                                 the presynaptic spike train
#   spikes <case> <method> <dt> <duration ms> <brian2 method> <finite|diverged> : <step indices...>
#     (diverged: v is not finite at the end, an explicit method unstable at that dt)
#   v <case> <method> <dt> : <steps>=<v after that many steps>...
import sys

import brian2
import numpy as np
import sympy as sp
from brian2 import *
from brian2.parsing.sympytools import str_to_sympy, sympy_to_str
from brian2.stateupdaters.base import StateUpdateMethod, extract_method_options
from brian2.stateupdaters.exponential_euler import get_conditionally_linear_system

prefs.codegen.target = 'numpy'
BrianLogger.suppress_name('method_choice')


class ExpAuto(StateUpdateMethod):
    """BrainPy's exp_auto: x + dt*exprel(dt*df/dx)*f, every variable from the step-n values."""

    def __call__(self, equations, variables=None, method_options=None):
        extract_method_options(method_options, {})
        code, names = [], []
        for name, expr in equations.get_substituted_expressions(variables):
            f = str_to_sympy(expr.code, variables)
            a = sp.diff(f, sp.Symbol(name, real=True))
            code.append(f'_A_{name} = {sympy_to_str(a)}')
            code.append(f'_{name} = {name} + dt*exprel(dt*_A_{name})*({sympy_to_str(f)})')
            names.append(name)
        code += [f'{name} = _{name}' for name in names]
        return '\n'.join(code)


StateUpdateMethod.register('exp_auto', ExpAuto())

METHODS = ['euler', 'exp_auto', 'rk4']
DTS = [0.1, 0.01]
VSTEP_MS = 20

CASES = {}


def case(name, eqs, threshold, reset, init, duration, refractory=False, **ns):
    CASES[name] = dict(eqs=eqs, threshold=threshold, reset=reset, init=init, duration=duration,
                       refractory=refractory, ns=ns)


# Lif: V_rest 0, V_reset -5, V_th 20, R 1, tau 10; tau_ref 5; V0 0; input 30.
case('LIF', 'dv/dt = (-v + V_rest + R*I)/(tau*ms) : 1 (unless refractory)',
     'v >= V_th', 'v = V_reset', {'v': 0}, 200, refractory=5 * ms,
     V_rest=0, V_reset=-5, V_th=20, R=1, tau=10, I=30)
# HodgkinHuxley (HH 1952, gL 0.3), input 10 uA/cm2, spike on crossing V_th 20 upwards.
case('HH', '''dv/dt = (-gNa*m**3*h*(v - ENa) - gK*n**4*(v - EK) - gL*(v - EL) + I)/C/ms : 1
     dm/dt = (alpha_m*(1 - m) - beta_m*m)/ms : 1
     dh/dt = (alpha_h*(1 - h) - beta_h*h)/ms : 1
     dn/dt = (alpha_n*(1 - n) - beta_n*n)/ms : 1
     alpha_m = 1/exprel(-(v + 40)/10) : 1
     beta_m = 4*exp(-(v + 65)/18) : 1
     alpha_h = 0.07*exp(-(v + 65)/20) : 1
     beta_h = 1/(1 + exp(-(v + 35)/10)) : 1
     alpha_n = 0.1/exprel(-(v + 55)/10) : 1
     beta_n = 0.125*exp(-(v + 65)/80) : 1''',
     'v >= V_th', '', {'v': -65, 'm': 0.05293248525724958, 'h': 0.5961207535084603,
                       'n': 0.3176769140606974}, 200, refractory='v >= V_th',
     ENa=50, gNa=120, EK=-77, gK=36, EL=-54.387, gL=0.3, C=1, V_th=20, I=10)
# AdEx: V_rest -65, V_reset -68, V_th -30, V_T -59.9, delta_T 3.48, a 1, b 1, R 1, tau 10,
# tau_w 30; V0 -65, w0 0; input 10.
case('AdEx', '''dv/dt = (-(v - V_rest) + delta_T*exp((v - V_T)/delta_T) - R*w + R*I)/(tau*ms) : 1
     dw/dt = (a*(v - V_rest) - w)/(tau_w*ms) : 1''',
     'v >= V_th', 'v = V_reset; w += b', {'v': -65, 'w': 0}, 200,
     V_rest=-65, V_reset=-68, V_th=-30, V_T=-59.9, delta_T=3.48, a=1, b=1, R=1, tau=10,
     tau_w=30, I=10)
# Izhikevich (regular spiking): a 0.02, b 0.2, c -65, d 8, V_th 30; V0 -65, u0 -13; input 10.
case('Izhikevich', '''dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
     du/dt = a*(b*v - u)/ms : 1''',
     'v >= V_th', 'v = c; u += d', {'v': -65, 'u': -13}, 200,
     a=0.02, b=0.2, c=-65, d=8, V_th=30, I=10)
# ExpIf: V_rest -65, V_reset -68, V_th -30, V_T -59.9, delta_T 3.48, R 1, tau 10; V0 -65; input 5.
case('ExpIF', 'dv/dt = (-(v - V_rest) + delta_T*exp((v - V_T)/delta_T) + R*I)/(tau*ms) : 1',
     'v >= V_th', 'v = V_reset', {'v': -65}, 200,
     V_rest=-65, V_reset=-68, V_th=-30, V_T=-59.9, delta_T=3.48, R=1, tau=10, I=5)
# FitzHughNagumo: a 0.7, b 0.8, tau 12.5, V_th 1.8; V0 0, w0 0; input 0.5; upward crossings.
case('FHN', '''dv/dt = (v - v**3/3 - w + I)/ms : 1
     dw/dt = (v + a - b*w)/(tau*ms) : 1''',
     'v >= V_th', '', {'v': 0, 'w': 0}, 200, refractory='v >= V_th',
     a=0.7, b=0.8, tau=12.5, V_th=1.8, I=0.5)
# COBA: Lif (V_rest -60, V_reset -60, V_th -50, tau 20, R 1, no refractory period; V0 -60) with
# ExpCoba (g_max 0.3, tau 5, E 0) from the presynaptic train below; no other input.
case('COBA', '''dv/dt = (-v + V_rest + R*g*(E - v))/(tau*ms) : 1
     dg/dt = -g/(tau_g*ms) : 1''',
     'v >= V_th', 'v = V_reset', {'v': -60, 'g': 0}, 200,
     V_rest=-60, V_reset=-60, V_th=-50, R=1, tau=20, tau_g=5, E=0, g_max=0.3)
# COBA_held: the same, with BrainPy's (and Brainstem's default) schedule: the synaptic current
# g*(E - v) computed once at the start of each step, from g and v at step n, and held while v is
# integrated (g still decays by the method). Brainstem's coupled mode should match COBA, its
# default COBA_held.
case('COBA_held', '''dv/dt = (-v + V_rest + R*I_syn)/(tau*ms) : 1
     dg/dt = -g/(tau_g*ms) : 1
     I_syn : 1''',
     'v >= V_th', 'v = V_reset', {'v': -60, 'g': 0}, 200,
     V_rest=-60, V_reset=-60, V_th=-50, R=1, tau=20, tau_g=5, E=0, g_max=0.3)
# Presynaptic train: 2 ms apart with a seeded jitter of up to 1.5 ms, on 0.025 ms + a multiple of
# 0.05 ms (inside a step at both dt), silent from 80 to 120 ms so that v relaxes in between.
rng = np.random.RandomState(10)
PRE = [round(0.025 + 0.05 * round((t + rng.uniform(0, 1.5)) / 0.05), 3)
       for t in np.arange(5.0, 195.0, 2.0) if not 80 <= t < 120]


def conditionally_linear(name):
    """Each equation A*x + B with A and B free of x. Brian2's exponential_euler also accepts
    ExpIF and AdEx, whose exp(v/delta_T) it leaves in B (held at step n); that is not exp_auto."""
    try:
        system = get_conditionally_linear_system(Equations(CASES[name]['eqs']))
    except ValueError:
        return False
    for x, (a, b) in system.items():
        if x in {str(s) for s in sp.sympify(a).free_symbols | sp.sympify(b).free_symbols}:
            return False
    return True


def run_case(name, method, dt):
    c = CASES[name]
    start_scope()
    defaultclock.dt = dt * ms
    brian_method = method
    if method == 'exp_auto' and conditionally_linear(name):
        brian_method = 'exponential_euler'
    kw = dict(refractory=c['refractory']) if c['refractory'] is not False else {}
    g = NeuronGroup(1, c['eqs'], threshold=c['threshold'], reset=c['reset'] or None,
                    method=brian_method, namespace=c['ns'], **kw)
    for var, value in c['init'].items():
        setattr(g, var, value)
    spikes = SpikeMonitor(g)
    objects = [g, spikes]
    if name.startswith('COBA'):
        pre = SpikeGeneratorGroup(1, np.zeros(len(PRE), dtype=int), PRE * ms)
        syn = Synapses(pre, g, on_pre='g_post += g_max', namespace=c['ns'])
        syn.connect()
        objects += [pre, syn]
    if name == 'COBA_held':
        g.run_regularly('I_syn = g*(E - v)', when='before_groups')
    net = Network(*objects)
    vs = []
    if name.startswith('COBA'):
        for _ in range(int(round(c['duration'] / VSTEP_MS))):
            net.run(VSTEP_MS * ms)
            vs.append((int(round(float(defaultclock.t / defaultclock.dt))), float(g.v[0])))
    else:
        net.run(c['duration'] * ms)
    steps = [int(round(float(t / defaultclock.dt))) for t in spikes.t]
    finite = 'finite' if np.isfinite(g.v[0]) else 'diverged'
    print(f'spikes {name} {method} {dt} {c["duration"]} {brian_method} {finite} : '
          + ' '.join(str(s) for s in steps))
    if vs:
        print(f'v {name} {method} {dt} : ' + ' '.join(f'{k}={x!r}' for k, x in vs))
    sys.stdout.flush()


print('# Generated by matrix.py (Brian2 %s, numpy target); see the header of matrix.py.'
      % brian2.__version__)
print('pre COBA ' + ' '.join(repr(t) for t in PRE))
for name in CASES:
    for method in METHODS:
        for dt in DTS:
            run_case(name, method, dt)
