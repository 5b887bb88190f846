"""Mockloop's test harness, run inside a Pyodide sandbox child (python-child.mjs).

It calls the candidate's function and reports what happened: a value or an exception. It never
decides pass or fail: expected values stay in the parent, so nothing the candidate's code does in
here can make a hidden test pass. Two phases keep hidden tests from leaking: `run_examples` runs
the module and the visible examples and returns all that is shown (stdout and stderr included);
the parent sends the hidden tests only after it has that, and `run_tests` output is thrown away.
"""
import builtins
import io
import json
import linecache
import math
import sys
import traceback

SOLUTION = 'solution.py'
# A result bigger than this is not worth reporting (and could flood the parent).
MAX_RESULT_CHARS = 1_000_000
MAX_DEPTH = 100

_state = {}


class Capture(io.TextIOBase):
    """A text sink that passes on at most `limit` characters (to `emit`, when given) and drops the rest.

    Output is streamed as it is written so that what a run printed before it hit the time limit
    is still shown; the parent keeps its own byte limit on top of this one.
    """

    def __init__(self, limit, stream, emit=None):
        self.limit = limit
        self.stream = stream
        self.emit = emit
        self.size = 0
        self.truncated = False

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f'write() argument must be str, not {type(s).__name__}')
        room = self.limit - self.size
        if room > 0 and s:
            piece = s[:room]
            self.size += len(piece)
            if self.emit is not None:
                self.emit(json.dumps({'type': 'output', 'stream': self.stream, 'text': piece}))
        if len(s) > max(room, 0):
            self.truncated = True
        return len(s)


def _jsonable(value, depth=0):
    """The value as JSON data: tuples become lists, NaN and infinities are tagged (JSON has none)."""
    if depth > MAX_DEPTH:
        raise ValueError('the value is nested too deeply to report')
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if math.isnan(value):
            return {'$float': 'nan'}
        if math.isinf(value):
            return {'$float': 'inf' if value > 0 else '-inf'}
        return float(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        # A set has no order: report it sorted (numbers by value, anything else by its JSON text).
        return sorted((_jsonable(v, depth + 1) for v in value), key=_set_order)
    return {'$repr': repr(value)[:1000]}


def _set_order(v):
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return (0, v, '')
    return (1, 0, json.dumps(v, sort_keys=True))


def _encode_value(value):
    try:
        encoded = _jsonable(value)
        text = json.dumps(encoded, allow_nan=False)
    except Exception as e:  # a value we cannot describe still fails the case, with a reason
        return {'$repr': f'<a {type(value).__name__} that cannot be reported: {e}>'}
    if len(text) > MAX_RESULT_CHARS:
        return {'$repr': f'<a {type(value).__name__} too large to report ({len(text)} characters as JSON)>'}
    return encoded


def _format_exception(e):
    """The traceback with only the candidate's frames: Pyodide's and the harness's are noise to them."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == SOLUTION]
    lines = []
    if frames:
        lines.append('Traceback (most recent call last):\n')
        lines.extend(traceback.format_list(frames))
    lines.extend(traceback.format_exception_only(type(e), e))
    return ''.join(lines)


def _describe_exception(e):
    return {
        'type': type(e).__name__,
        'mro': [c.__name__ for c in type(e).__mro__],
        'text': _format_exception(e),
        'memory': isinstance(e, MemoryError),
    }


def _run_cases(cases_json, phase, emit):
    fn = _state['fn']
    for index, case in enumerate(json.loads(cases_json)):
        try:
            value = fn(*case['args'])
        except BaseException as e:  # SystemExit and KeyboardInterrupt too: the candidate's code chose to stop
            exc = _describe_exception(e)
            emit(json.dumps({'type': 'case', 'phase': phase, 'index': index, 'ok': False, 'exception': exc}))
            if exc['memory']:
                return 'memory'
            continue
        emit(json.dumps({'type': 'case', 'phase': phase, 'index': index, 'ok': True, 'value': _encode_value(value)}))
    return 'ok'


def _flush_fd_streams():
    # Writes to sys.__stdout__ (or os.write) sit in Python's buffer until flushed: print(..., end='').
    for stream in (sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:
            # The candidate's code may have closed or replaced the stream: that output is lost, the results are not.
            pass


def run_examples(code, function_name, cases_json, output_limit, emit):
    """Phase 1: load the candidate's module in a fresh namespace and run the visible examples."""
    out, err = Capture(output_limit, 'stdout', emit), Capture(output_limit, 'stderr', emit)
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        summary = _load_and_run(code, function_name, cases_json, emit)
    finally:
        sys.stdout, sys.stderr = saved
        _flush_fd_streams()
    summary['truncated'] = {'stdout': out.truncated, 'stderr': err.truncated}
    return json.dumps(summary)


def _load_and_run(code, function_name, cases_json, emit):
    linecache.cache[SOLUTION] = (len(code), None, code.splitlines(True), SOLUTION)
    try:
        compiled = compile(code, SOLUTION, 'exec')
    except SyntaxError as e:
        return {'status': 'error', 'message': ''.join(traceback.format_exception_only(type(e), e))}
    # A fresh namespace per submission: nothing is shared with the harness or an earlier run.
    namespace = {'__name__': '__main__', '__builtins__': builtins}
    try:
        exec(compiled, namespace)
    except BaseException as e:  # SystemExit and KeyboardInterrupt at import also mean it did not load
        exc = _describe_exception(e)
        return {'status': 'memory' if exc['memory'] else 'error', 'message': exc['text']}
    fn = namespace.get(function_name)
    if not callable(fn):
        return {'status': 'error', 'message': f'{SOLUTION} does not define a function named {function_name}'}
    _state['fn'] = fn
    emit(json.dumps({'type': 'loaded'}))
    return {'status': _run_cases(cases_json, 'examples', emit)}


def run_tests(cases_json, emit):
    """Phase 2: the hidden tests. Output is discarded so their arguments cannot be printed out."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Capture(0, 'stdout'), Capture(0, 'stderr')
    try:
        status = _run_cases(cases_json, 'tests', emit)
    finally:
        sys.stdout, sys.stderr = saved
        _flush_fd_streams()
    return json.dumps({'status': status})
