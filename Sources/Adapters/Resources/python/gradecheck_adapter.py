#!/usr/bin/env python3
"""gradecheck implementation protocol, version 2, for a CS231n fully-connected-nets submission in
the course's own layout (the folder that holds ``cs231n/``).

See docs/protocol.md for the protocol and README.md next to this file for the behaviour.
One file, Python 3.8+, the standard library and numpy only.
"""
import argparse
import ast
import base64
import binascii
import builtins
import fcntl
import functools
import importlib.machinery
import importlib.util
import inspect
import json
import os
import re
import resource
import signal
import struct
import sys
import traceback
import types

PROTOCOL = "gradecheck-implementation"
VERSION = 2
# Optional protocol features this adapter serves (hello "features"): evaluate_batch points may be
# {"delta": array} as well as {"indices", "deltas"}.
FEATURES = ["dense_points"]
MAX_MESSAGE = 1 << 30
TRACEBACK_CAP = 8192
HIGH_FD = 200

np = None  # numpy, imported after the sandbox is set up

CORE = [
    ("cs231n.layers", "cs231n/layers.py"),
    ("cs231n.layer_utils", "cs231n/layer_utils.py"),
    ("cs231n.optim", "cs231n/optim.py"),
    ("cs231n.classifiers.fc_net", "cs231n/classifiers/fc_net.py"),
    ("cs231n.solver", "cs231n/solver.py"),
]
CORE_NAMES = set(name for name, _ in CORE)
PACKAGES = ["cs231n", "cs231n.classifiers"]

LAYER_OPS = ["affine_forward", "affine_backward", "relu_forward", "relu_backward"]
UTIL_OPS = ["affine_relu_forward", "affine_relu_backward"]
LAYER_OPS2 = ["batchnorm_forward", "batchnorm_backward", "batchnorm_backward_alt", "layernorm_forward",
              "layernorm_backward", "dropout_forward", "dropout_backward", "softmax_loss", "svm_loss"]
MODEL_OPS = ["make_model", "get_params", "set_params", "model_loss"]
ORDER = LAYER_OPS + UTIL_OPS + LAYER_OPS2 + MODEL_OPS + ["update", "solver_train", "evaluate_batch"]
# The course functions whose definition the hello reports (file and lines), for warnings.
COURSE_FUNCTIONS = LAYER_OPS + UTIL_OPS + LAYER_OPS2
COURSE_CLASSES = ["TwoLayerNet", "FullyConnectedNet"]
MODULE_OF = {}
for _op in LAYER_OPS + LAYER_OPS2:
    MODULE_OF[_op] = "cs231n.layers"
for _op in UTIL_OPS:
    MODULE_OF[_op] = "cs231n.layer_utils"
for _op in MODEL_OPS:
    MODULE_OF[_op] = "cs231n.classifiers.fc_net"
MODULE_OF["update"] = "cs231n.optim"
MODULE_OF["solver_train"] = "cs231n.solver"
RULES = ("sgd", "sgd_momentum", "rmsprop", "adam")


# ----------------------------------------------------------------------------- errors

class AdapterError(Exception):
    kind = "bad_request"

    def __init__(self, message, **extra):
        Exception.__init__(self, message)
        self.message = message
        self.extra = extra

    def payload(self):
        e = {"kind": self.kind, "message": self.message}
        e.update(self.extra)
        return e


class BadRequest(AdapterError):
    kind = "bad_request"


class BadResult(AdapterError):
    kind = "bad_result"


class NotImpl(AdapterError):
    kind = "not_implemented"


class StudentRaised(Exception):
    """An exception (any BaseException) raised by student code."""

    def __init__(self, exc):
        Exception.__init__(self, "student code raised")
        self.exc = exc


# ----------------------------------------------------------------------------- state

class State(object):
    submission = ""
    package_dir = ""
    problems = []
    modules = {}          # core name -> module
    failed = {}           # core name -> reason
    failed_where = {}     # core name -> (kind, file, line)
    standins = set()
    static_stubs = {}     # operation -> reason
    unavailable = {}      # operation -> message
    operations = []
    dropout_p = "keep"        # what dropout_param['p'] means (the harness's configure says)
    provided = set()          # course functions the year's starter ships finished (configure)
    compat = True             # the removed-API compatibility layer
    substitutes = {}          # operation -> note: course code replaced by gradecheck's own
    call_warnings = []        # warnings of the call being served
    stub_returns = []         # course functions that returned the starter's None this call
    has_placeholder = {}      # function name -> line of a `pass` placeholder (stub detection)
    fatal = None
    spans = {}
    handles = {}
    next_handle = 1
    req_fd = -1
    rep_fd = -1


S = State()


def problem(reason, file=None, line=None, operation=None):
    p = {}
    if operation is not None:
        p["operation"] = operation
    if file is not None:
        p["file"] = file
    if line is not None:
        p["line"] = int(line)
    p["reason"] = reason
    S.problems.append(p)


# ----------------------------------------------------------------------------- start-up

def parse_args(argv):
    ap = argparse.ArgumentParser(description="gradecheck protocol adapter for CS231n Python submissions")
    ap.add_argument("--submission", required=True)
    ap.add_argument("--limits", default="")
    ap.add_argument("--no-network", action="store_true")
    ap.add_argument("--user", default=None)
    ap.add_argument("--compat", choices=("on", "off"), default="on")
    ap.add_argument("--sys-path", default=None,
                    help="a JSON list: sys.path as the interpreter sets it with site (the adapter runs with -S)")
    return ap.parse_args(argv)


def apply_sys_path(text):
    """Under -S (no site, so no .pth hooks at every start): sys.path as the harness's probe of
    this interpreter found it, and the builtins site would add (exit, quit, help...)."""
    if text is None:
        return
    try:
        path = json.loads(text)
    except ValueError:
        path = None
    if isinstance(path, list) and all(isinstance(p, str) for p in path):
        sys.path[:] = path
    if sys.flags.no_site:
        try:
            import _sitebuiltins
            builtins.exit = _sitebuiltins.Quitter("exit", "Ctrl-D (i.e. EOF)")
            builtins.quit = _sitebuiltins.Quitter("quit", "Ctrl-D (i.e. EOF)")
            builtins.help = _sitebuiltins._Helper()
        except (ImportError, AttributeError):
            pass


def setup_fds():
    fds = []
    for var, default in (("GRADECHECK_REQUEST_FD", 3), ("GRADECHECK_REPLY_FD", 4)):
        v = os.environ.get(var)
        try:
            fd = int(v) if v not in (None, "") else default
            os.fstat(fd)
        except (ValueError, OSError):
            sys.stderr.write("gradecheck_adapter: no protocol descriptor %s (%s); "
                             "this program is started by gradecheck\n" % (v if v else default, var))
            sys.exit(2)
        fds.append(fd)
    req, rep = fds
    S.req_fd = fcntl.fcntl(req, fcntl.F_DUPFD_CLOEXEC, HIGH_FD)
    S.rep_fd = fcntl.fcntl(rep, fcntl.F_DUPFD_CLOEXEC, HIGH_FD)
    for fd in set((req, rep)):
        if fd > 2:
            try:
                os.close(fd)
            except OSError:
                pass
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 3, 4):
        if fd != devnull:
            os.dup2(devnull, fd)
    if devnull > 4:
        os.close(devnull)


def _setlimit(which, soft, hard=None):
    if hard is None:
        hard = soft
    _cur_soft, cur_hard = resource.getrlimit(which)
    if cur_hard != resource.RLIM_INFINITY:
        soft, hard = min(soft, cur_hard), min(hard, cur_hard)
    resource.setrlimit(which, (soft, hard))


def parse_limits(text):
    limits = {}
    for part in (text or "").split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            problem("ignored limit %r (expected key=value)" % part)
            continue
        k, v = part.split("=", 1)
        try:
            n = int(float(v))
        except ValueError:
            problem("ignored limit %r (not a number)" % part)
            continue
        if k not in ("cpu", "memory", "fsize", "nproc"):
            problem("ignored unknown limit %r" % k)
            continue
        limits[k] = n
    return limits


def apply_limits(limits):
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):
        pass
    for key, which in (("cpu", resource.RLIMIT_CPU), ("memory", resource.RLIMIT_AS), ("fsize", resource.RLIMIT_FSIZE)):
        if key in limits:
            try:
                n = max(0, limits[key])
                _setlimit(which, n, n + 1 if key == "cpu" else n)
            except (ValueError, OSError) as e:
                problem("could not apply limit %s=%d: %s" % (key, limits[key], e))


def apply_nproc(limits):
    if "nproc" in limits and hasattr(resource, "RLIMIT_NPROC"):
        try:
            _setlimit(resource.RLIMIT_NPROC, max(0, limits["nproc"]))
        except (ValueError, OSError) as e:
            problem("could not apply limit nproc=%d: %s" % (limits["nproc"], e))


def isolate_network():
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        CLONE_NEWNET, CLONE_NEWUSER = 0x40000000, 0x10000000
        if libc.unshare(CLONE_NEWNET) == 0:
            return
        first = os.strerror(ctypes.get_errno())
        uid, gid = os.getuid(), os.getgid()
        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
            for path, text in (("/proc/self/setgroups", "deny"), ("/proc/self/uid_map", "%d %d 1" % (uid, uid)),
                               ("/proc/self/gid_map", "%d %d 1" % (gid, gid))):
                try:
                    with open(path, "w") as f:
                        f.write(text)
                except OSError:
                    pass
            return
        second = os.strerror(ctypes.get_errno())
        problem("network isolation unavailable: unshare(CLONE_NEWNET): %s; with a new user namespace: %s"
                % (first, second))
    except Exception as e:  # noqa
        problem("network isolation unavailable: %s" % e)


def drop_privileges(user):
    try:
        import pwd
        pw = pwd.getpwnam(user)
        os.setgroups([])
        os.setgid(pw.pw_gid)
        os.setuid(pw.pw_uid)
    except Exception as e:  # noqa
        problem("could not drop privileges to user %r: %s" % (user, e))


PRELOAD = ("__future__", "pickle", "copy", "math", "random", "time", "collections", "itertools", "operator",
           "warnings", "io", "abc", "numbers", "typing", "glob", "shutil", "tempfile", "datetime", "string",
           "textwrap", "heapq", "bisect", "contextlib", "copyreg", "platform", "socket", "ctypes", "linecache",
           "tokenize", "unittest", "numpy.linalg", "numpy.random", "numpy.fft", "numpy.ma",
           "numpy.lib.stride_tricks", "numpy.testing")


def preload():
    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa
            pass


# ----------------------------------------------------------------------------- stand-ins

class _StandIn(types.ModuleType):
    """An empty module for something that would not import."""

    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        name = self.__name__

        def missing(*a, **k):
            raise NotImplementedError("%s.%s is a stand-in: the module did not import" % (name, attr))
        missing.__name__ = attr
        return missing


class _BuiltinsStandIn(types.ModuleType):
    def __getattr__(self, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        if hasattr(builtins, attr):
            return getattr(builtins, attr)
        raise AttributeError(attr)


def _new_module(cls, name, package=False):
    m = cls(name)
    m.__file__ = "<gradecheck stand-in>"
    spec = importlib.machinery.ModuleSpec(name, None, is_package=package)
    m.__spec__ = spec
    m.__loader__ = None
    if package:
        m.__path__ = []
        m.__package__ = name
    else:
        m.__package__ = name.rpartition(".")[0]
    return m


def _attach(name, mod):
    parent, _, child = name.rpartition(".")
    if parent and parent in sys.modules:
        try:
            setattr(sys.modules[parent], child, mod)
        except Exception:  # noqa
            pass


def install_standin(name):
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        sub = ".".join(parts[:i])
        existing = sys.modules.get(sub)
        if existing is not None and i < len(parts):
            if not hasattr(existing, "__path__"):
                try:
                    existing.__path__ = []
                except Exception:  # noqa
                    pass
            continue
        if i == len(parts) or existing is None:
            m = _new_module(_StandIn, sub, package=True)
            sys.modules[sub] = m
            _attach(sub, m)
    S.standins.add(name)


def install_compat_standins():
    """future / past (``from future import standard_library`` in the 2017-2020 solver.py)."""
    try:
        have_future = importlib.util.find_spec("future") is not None
    except Exception:  # noqa
        have_future = False
    try:
        have_past = importlib.util.find_spec("past") is not None
    except Exception:  # noqa
        have_past = False
    if not have_future:
        fut = _new_module(_BuiltinsStandIn, "future", package=True)
        sl = _new_module(types.ModuleType, "future.standard_library")
        sl.install_aliases = lambda *a, **k: None
        sl.install_hooks = lambda *a, **k: None
        sl.remove_hooks = lambda *a, **k: None

        class _hooks(object):
            def __enter__(self):
                return self

            def __exit__(self, *a):
                return False
        sl.hooks = _hooks
        fb = _new_module(_BuiltinsStandIn, "future.builtins")
        fu = _new_module(types.ModuleType, "future.utils")
        fu.PY2, fu.PY3 = False, True
        fu.iteritems = lambda d, **k: iter(d.items(**k))
        fu.itervalues = lambda d, **k: iter(d.values(**k))
        fu.iterkeys = lambda d, **k: iter(d.keys(**k))
        fu.viewitems = lambda d: d.items()
        fu.with_metaclass = lambda meta, *bases: meta("NewBase", bases or (object,), {})
        fut.standard_library, fut.builtins, fut.utils = sl, fb, fu
        for m in (fut, sl, fb, fu):
            sys.modules[m.__name__] = m
    if not have_past:
        past = _new_module(types.ModuleType, "past", package=True)
        pb = _new_module(_BuiltinsStandIn, "past.builtins")
        pb.xrange = range
        pb.basestring = str
        pb.unicode = str
        pb.long = int
        pb.raw_input = input
        pb.reduce = functools.reduce
        pb.unichr = chr
        pu = _new_module(types.ModuleType, "past.utils")

        def old_div(a, b):
            if isinstance(a, int) and isinstance(b, int):
                return a // b
            return a / b
        pu.old_div = old_div
        past.builtins, past.utils = pb, pu
        for m in (past, pb, pu):
            sys.modules[m.__name__] = m


class _FailedCoreFinder(object):
    """Makes an import of a core module that failed fail fast, with the reason."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in S.failed:
            raise ImportError(S.failed[name], name=name)
        return None

    @staticmethod
    def invalidate_caches():
        pass


# ----------------------------------------------------------------------------- compatibility layer
#
# Code written for its year's numpy and Python runs on today's: names numpy has removed since
# (np.float, np.asscalar, np.product, np.reshape(newshape=), ...) and Python 2 builtins the
# starters of 2016 use (xrange, dict.iteritems, ...) are served by replacements, and every use
# is reported with its file:line, so the check passes with a warning that names it.
# `--compat off` grades strictly.

# name -> (replacement, numpy version that removed it, what to write instead)
REMOVED_NUMPY = {
    "float": (lambda: float, "1.24", "float or np.float64"),
    "int": (lambda: int, "1.24", "int or np.int64"),
    "bool": (lambda: bool, "1.24", "bool or np.bool_"),
    "object": (lambda: object, "1.24", "object"),
    "str": (lambda: str, "1.24", "str"),
    "long": (lambda: int, "1.24", "int"),
    "complex": (lambda: complex, "1.24", "complex"),
    "unicode": (lambda: str, "1.24", "str"),
    "asscalar": (lambda: (lambda a: np.asarray(a).item()), "1.23", "a.item()"),
    "product": (lambda: np.prod, "2.0", "np.prod"),
    "cumproduct": (lambda: np.cumprod, "2.0", "np.cumprod"),
    "sometrue": (lambda: np.any, "2.0", "np.any"),
    "alltrue": (lambda: np.all, "2.0", "np.all"),
    "NaN": (lambda: float("nan"), "2.0", "np.nan"),
    "NAN": (lambda: float("nan"), "2.0", "np.nan"),
    "Inf": (lambda: float("inf"), "2.0", "np.inf"),
    "Infinity": (lambda: float("inf"), "2.0", "np.inf"),
    "infty": (lambda: float("inf"), "2.0", "np.inf"),
    "PINF": (lambda: float("inf"), "2.0", "np.inf"),
    "NINF": (lambda: float("-inf"), "2.0", "-np.inf"),
    "PZERO": (lambda: 0.0, "2.0", "0.0"),
    "NZERO": (lambda: -0.0, "2.0", "-0.0"),
    "float_": (lambda: np.float64, "2.0", "np.float64"),
    "complex_": (lambda: np.complex128, "2.0", "np.complex128"),
    "unicode_": (lambda: np.str_, "2.0", "np.str_"),
    "string_": (lambda: np.bytes_, "2.0", "np.bytes_"),
    "int0": (lambda: np.intp, "2.0", "np.intp"),
    "uint0": (lambda: np.uintp, "2.0", "np.uintp"),
    "bool8": (lambda: np.bool_, "2.0", "np.bool_"),
    "round_": (lambda: np.round, "2.0", "np.round"),
    "asfarray": (lambda: (lambda a, dtype=float: np.asarray(a, dtype=dtype)), "2.0", "np.asarray(a, dtype=float)"),
    "mat": (lambda: np.asmatrix, "2.0", "np.asmatrix"),
    "msort": (lambda: (lambda a: np.sort(a, axis=0)), "2.0", "np.sort(a, axis=0)"),
    "in1d": (lambda: np.isin, "2.4", "np.isin"),
    "trapz": (lambda: np.trapezoid, "2.4", "np.trapezoid"),
}

# Python 2 builtins the 2016 starter and its students use: name -> replacement.
PY2_BUILTINS = {
    "xrange": lambda: _xrange,
    "unicode": lambda: str,
    "basestring": lambda: str,
    "long": lambda: int,
    "raw_input": lambda: input,
    "unichr": lambda: chr,
    "reduce": lambda: functools.reduce,
}
# dict methods of Python 2: name -> (dict method to use, what it returned)
PY2_DICT_METHODS = {"iteritems": "items", "itervalues": "values", "iterkeys": "keys"}
# Every word `_Py2Names` may rewrite: a source in which none appears needs no rewriting.
_PY2_WORDS = re.compile(br"\b(?:%s)\b" % b"|".join(
    re.escape(w).encode("ascii") for w in sorted(set(PY2_BUILTINS) | set(PY2_DICT_METHODS) | {"has_key"})))


def _xrange(*args):
    """range, also for integral floats (what Python 2's `/` gave as an int)."""
    fixed = []
    for a in args:
        if isinstance(a, float) and a.is_integer():
            a = int(a)
        fixed.append(a)
    return range(*fixed)


def compat_warning(what, location):
    w = {"kind": "compat", "message": what}
    if location:
        w["location"] = location
    for existing in S.call_warnings:
        if existing.get("message") == what and existing.get("location") == location:
            return
    S.call_warnings.append(w)


def _caller_location(depth):
    try:
        frame = sys._getframe(depth)
        while frame is not None:
            r = rel(frame.f_code.co_filename)
            if r is not None:
                return "%s:%d" % (r, frame.f_lineno)
            frame = frame.f_back
    except Exception:  # noqa
        pass
    return None


def install_numpy_compat():
    original = getattr(np, "__getattr__", None)
    missing = dict((k, v) for k, v in REMOVED_NUMPY.items() if k not in np.__dict__)

    def numpy_getattr(name):
        if name in missing:
            make, version, instead = missing[name]
            location = _caller_location(2)
            if location is not None:
                compat_warning("np.%s was removed in numpy %s (use %s); the compatibility layer served it so the "
                               "logic could be graded" % (name, version, instead), location)
            return make()
        if original is not None:
            return original(name)
        raise AttributeError("module 'numpy' has no attribute %r" % name)
    np.__getattr__ = numpy_getattr

    try:
        np.reshape(np.zeros(1), newshape=(1,))
        accepts_newshape = True
    except TypeError:
        accepts_newshape = False
    if not accepts_newshape:
        plain = np.reshape

        @functools.wraps(plain)
        def reshape(a, *args, **kwargs):
            if "newshape" in kwargs:
                location = _caller_location(2)
                if location is not None:
                    compat_warning("np.reshape(..., newshape=...) was removed in numpy 2.4 (use shape=); the "
                                   "compatibility layer passed it on as shape", location)
                kwargs["shape"] = kwargs.pop("newshape")
            return plain(a, *args, **kwargs)
        np.reshape = reshape


class _Py2Names(ast.NodeTransformer):
    """Rewrites Python 2 builtins and dict methods into calls that report their use."""

    def __init__(self, relpath, bound):
        self.relpath = relpath
        self.bound = bound

    def _helper(self, node, *args):
        call = ast.Call(func=ast.Name(id="__gradecheck_py2__", ctx=ast.Load()),
                        args=[ast.Constant(value=a) if not isinstance(a, ast.AST) else a for a in args], keywords=[])
        return ast.copy_location(call, node)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) and node.id in PY2_BUILTINS and node.id not in self.bound:
            return self._helper(node, "builtin", node.id, "%s:%d" % (self.relpath, node.lineno))
        return node

    def visit_Call(self, node):
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Attribute) and f.attr in PY2_DICT_METHODS and not node.args and not node.keywords:
            return self._helper(node, "dict", f.attr, "%s:%d" % (self.relpath, node.lineno), f.value)
        if isinstance(f, ast.Attribute) and f.attr == "has_key" and len(node.args) == 1 and not node.keywords:
            return self._helper(node, "has_key", "has_key", "%s:%d" % (self.relpath, node.lineno), f.value, node.args[0])
        return node


def _bound_names(tree):
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound.add((alias.asname or alias.name).split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound


def _py2_helper(kind, name, location, *args):
    if kind == "builtin":
        compat_warning("%s is a Python 2 builtin; the compatibility layer served it" % name, location)
        return PY2_BUILTINS[name]()
    obj = args[0]
    if kind == "dict":
        own = getattr(obj, name, None)
        if own is not None and not isinstance(obj, dict):
            return own()
        compat_warning(".%s() is Python 2 (use .%s()); the compatibility layer served it"
                       % (name, PY2_DICT_METHODS[name]), location)
        return iter(getattr(obj, PY2_DICT_METHODS[name])())
    own = getattr(obj, "has_key", None)
    if own is not None and not isinstance(obj, dict):
        return own(args[1])
    compat_warning(".has_key(k) is Python 2 (use k in d); the compatibility layer served it", location)
    return args[1] in obj


class SubmissionLoader(importlib.machinery.SourceFileLoader):
    """Loads a submission module; with the compatibility layer on, Python 2 builtins and dict
    methods are rewritten to report their use (line numbers are kept)."""

    def source_to_code(self, data, path, *, _optimize=-1):
        if not S.compat or not _PY2_WORDS.search(data if isinstance(data, bytes) else data.encode("utf-8", "replace")):
            # Nothing to rewrite (no Python 2 name appears anywhere, comments included): compiled
            # as it is, which is several times cheaper than the syntax tree's round trip.
            return compile(data, path, "exec", dont_inherit=True)
        tree = ast.parse(data, path)
        relpath = rel(path) or path
        tree = ast.fix_missing_locations(_Py2Names(relpath, _bound_names(tree)).visit(tree))
        return compile(tree, path, "exec", dont_inherit=True)


class _SubmissionFinder(object):
    """Finds the submission's other `cs231n.*` modules through `SubmissionLoader`."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if not name.startswith("cs231n.") or name in CORE_NAMES or name in PACKAGES:
            return None
        parts = name.split(".")
        base = os.path.join(S.submission, *parts)
        for candidate, package in ((base + ".py", False), (os.path.join(base, "__init__.py"), True)):
            if os.path.isfile(candidate):
                return importlib.util.spec_from_file_location(
                    name, candidate, loader=SubmissionLoader(name, candidate),
                    submodule_search_locations=[base] if package else None)
        return None

    @staticmethod
    def invalidate_caches():
        pass


def install_compat():
    builtins.__gradecheck_py2__ = _py2_helper
    if S.compat and np is not None:
        install_numpy_compat()


# ----------------------------------------------------------------------------- stub detection
#
# The starters leave a function as `pass` (2016-2018), `pass` between START/END markers
# (2019-2024) or an empty block (2025+): it returns None, or crashes on None (the 2018
# dropout_forward ends with `out.astype(...)`). A call in which a course function did so is
# missing work, not an error.

def _placeholders(path):
    """Function name -> line of a bare `pass` inside it."""
    found = {}
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
    except Exception:  # noqa
        return found
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Pass):
                    found.setdefault(node.name, sub.lineno)
                    break
    return found


def _none_failure(e):
    text = _exc_text(e)
    return isinstance(e, (TypeError, AttributeError, ValueError, IndexError)) and "NoneType" in text


def wrap_course_functions(name):
    """Wraps the course's functions of a core module to notice a starter stub at work."""
    mod = S.modules.get(name)
    if mod is None or name not in ("cs231n.layers", "cs231n.layer_utils", "cs231n.optim"):
        return
    path = getattr(mod, "__file__", None) or ""
    relpath = rel(path) or path
    places = _placeholders(path)
    for fname in COURSE_FUNCTIONS + list(RULES):
        fn = mod.__dict__.get(fname)
        if not inspect.isfunction(fn) or getattr(fn, "__gradecheck_original__", None) is not None:
            continue
        if fname in places:
            S.has_placeholder[fname] = "%s:%d" % (relpath, places[fname])
        mod.__dict__[fname] = _stub_watch(fn, fname)


def _stub_watch(fn, fname):
    @functools.wraps(fn)
    def watched(*args, **kwargs):
        try:
            result = fn(*args, **kwargs)
        except BaseException as e:  # noqa
            if isinstance(e, NotImplementedError) or (_none_failure(e) and fname in S.has_placeholder):
                S.stub_returns.append(fname)
            raise
        if result is None or (isinstance(result, tuple) and result and result[0] is None):
            S.stub_returns.append(fname)
        return result
    watched.__gradecheck_original__ = fn
    return watched


def stub_reason():
    """Why the call is missing work, if a course function was a stub during it."""
    if not S.stub_returns:
        return None
    name = S.stub_returns[0]
    where = S.has_placeholder.get(name)
    return "%s is still the starter's stub: it returns None%s" % (name, " (`pass` at %s)" % where if where else "")


# ----------------------------------------------------------------------------- loading

def rel(path):
    try:
        p = os.path.realpath(path)
    except Exception:  # noqa
        return None
    base = S.submission
    if p == base or p.startswith(base + os.sep):
        return os.path.relpath(p, base).replace(os.sep, "/")
    return None


def innermost_submission_frame(tb):
    found = None
    try:
        for fr in traceback.extract_tb(tb):
            r = rel(fr.filename)
            if r is not None:
                found = (r, fr.lineno)
    except Exception:  # noqa
        pass
    return found


PY2_LINE = re.compile(r"^\s*(print\s+[^\s(=.,;)\]]|print\s*$|exec\s+[\"'\w]|except\s+[\w.]+\s*,\s*\w+\s*:|"
                      r"raise\s+[\w.]+\s*,)|`|<>|\bur[\"']|\b0\d+\b")


PY2_PRINT = re.compile(r"^\s*print(\s+[^\s(=.,;)\]]|\s*$|\s*>>)")


def describe_syntax_error(e):
    """`SyntaxError (Python 2 print statement)`, `SyntaxError (Python 2 syntax: ...)`, or the
    interpreter's own message."""
    line_text = (e.text or "").rstrip("\n")
    name = type(e).__name__
    if PY2_PRINT.search(line_text) or "Missing parentheses in call to 'print'" in (e.msg or ""):
        return "%s (Python 2 print statement)" % name
    if "Missing parentheses in call to" in (e.msg or "") or PY2_LINE.search(line_text):
        return "%s (Python 2 syntax: %s)" % (name, line_text.strip()[:80])
    return "%s: %s" % (name, e.msg)


def _exc_text(e):
    try:
        text = str(e)
    except Exception:  # noqa
        text = repr(e)
    return text


def _module_name_of(relpath):
    if not relpath.endswith(".py"):
        return None
    parts = relpath[:-3].split("/")
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _standin_target(e, current):
    """The missing (or broken) non-core module to replace with a stand-in, if any. A module
    that exists and imports (numpy, say) is never replaced."""
    if isinstance(e, ImportError):
        name = getattr(e, "name", None)
        m = re.search(r"cannot import name '([\w]+)' from '([\w.]+)'", _exc_text(e))
        if m and m.group(2) in PACKAGES:
            cand = m.group(2) + "." + m.group(1)
            if cand not in CORE_NAMES and cand not in S.standins and cand not in sys.modules:
                return cand
            return None
        if name and name not in CORE_NAMES and name not in PACKAGES and name not in S.standins \
                and name != current and name not in sys.modules:
            return name
        if name:
            return None
    # another exception: a non-core module of the submission that failed at import
    found = innermost_submission_frame(e.__traceback__)
    if found:
        mod = _module_name_of(found[0])
        if mod and mod.startswith("cs231n.") and mod not in CORE_NAMES and mod not in PACKAGES \
                and mod != current and mod not in S.standins:
            return mod
    return None


def _failure(e, relpath):
    if isinstance(e, SyntaxError):
        r = rel(e.filename) if e.filename else None
        return (r or relpath), e.lineno, describe_syntax_error(e)
    found = innermost_submission_frame(e.__traceback__)
    text = "%s: %s" % (type(e).__name__, _exc_text(e)) if _exc_text(e) else type(e).__name__
    if found:
        return found[0], found[1], text + ("" if found[0] == relpath else " (while importing %s)" % relpath)
    return relpath, None, text + " (while importing %s)" % relpath


def make_package(name, path):
    m = types.ModuleType(name)
    m.__path__ = [path]
    m.__file__ = os.path.join(path, "__init__.py")
    m.__package__ = name
    spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
    spec.submodule_search_locations = [path]
    spec.origin = m.__file__
    m.__spec__ = spec
    sys.modules[name] = m
    _attach(name, m)
    return m


def _fail(name, reason, kind, file=None, line=None):
    S.failed[name] = reason
    S.failed_where[name] = (kind, file, line)


def load_core(name, relpath):
    if name in sys.modules and name not in S.failed:
        S.modules[name] = sys.modules[name]   # loaded by an earlier module's import
        wrap_course_functions(name)
        return
    path = os.path.join(S.submission, relpath)
    if not os.path.isfile(path):
        _fail(name, "%s is missing" % relpath, "not_implemented", relpath)
        problem("missing", file=relpath)
        return
    for _attempt in range(40):
        try:
            spec = importlib.util.spec_from_file_location(name, path, loader=SubmissionLoader(name, path))
            mod = importlib.util.module_from_spec(spec)
        except BaseException as e:  # noqa
            _fail(name, "%s did not load (%s)" % (relpath, _exc_text(e)), "does_not_import", relpath)
            problem("%s: %s" % (type(e).__name__, _exc_text(e)), file=relpath)
            return
        sys.modules[name] = mod
        try:
            spec.loader.exec_module(mod)
            mod = sys.modules.get(name, mod)
            _attach(name, mod)
            S.modules[name] = mod
            wrap_course_functions(name)
            return
        except BaseException as e:  # noqa
            sys.modules.pop(name, None)
            target = _standin_target(e, name)
            if target is not None:
                install_standin(target)
                problem("%s does not import (%s: %s); an empty stand-in is used"
                        % (target, type(e).__name__, _exc_text(e)), file=relpath)
                continue
            imported = getattr(e, "name", None) if isinstance(e, ImportError) else None
            if imported in S.failed:
                # It imports another core module that does not import: that one is the cause.
                kind, f, line = S.failed_where.get(imported, ("does_not_import", None, None))
                _fail(name, "%s imports %s, which does not import: %s" % (relpath, _relpath_of(imported), S.failed[imported]),
                      "does_not_import", f, line)
                problem(S.failed[name], file=relpath)
                return
            f, line, reason = _failure(e, relpath)
            _fail(name, reason, "does_not_import", f, line)
            problem(reason, file=f, line=line)
            return
    _fail(name, "%s did not load (too many missing imports)" % relpath, "does_not_import", relpath)
    problem("too many missing imports", file=relpath)


def _relpath_of(name):
    for core, relpath in CORE:
        if core == name:
            return relpath
    return name


def run_package_init(name, path):
    init = os.path.join(path, "__init__.py")
    if not os.path.isfile(init):
        return
    pkg = sys.modules[name]
    relpath = rel(init) or init
    try:
        with open(init, "rb") as f:
            src = f.read()
        code = compile(src, init, "exec")
        exec(code, pkg.__dict__)
    except BaseException as e:  # noqa
        if isinstance(e, ImportError) and getattr(e, "name", None) in S.failed:
            return   # a core module that failed: reported already
        if isinstance(e, SyntaxError):
            line, reason = e.lineno, describe_syntax_error(e)
        else:
            found = innermost_submission_frame(e.__traceback__)
            line = found[1] if found and found[0] == relpath else None
            reason = "%s: %s" % (type(e).__name__, _exc_text(e))
        problem("%s; an empty package is used instead" % reason, file=relpath, line=line)


def static_stub_functions(path):
    """Functions whose whole body (after the docstring) is ``raise NotImplementedError``."""
    try:
        with open(path, "rb") as f:
            tree = ast.parse(f.read(), path)
    except Exception:  # noqa
        return set()
    out = set()
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        body = list(node.body)
        if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]
        if len(body) == 1 and isinstance(body[0], ast.Raise) and body[0].exc is not None:
            exc = body[0].exc
            if isinstance(exc, ast.Call):
                exc = exc.func
            if isinstance(exc, ast.Name) and exc.id == "NotImplementedError":
                out.add(node.name)
    return out


def read_text(relpath):
    try:
        with open(os.path.join(S.submission, relpath), "rb") as f:
            return f.read().decode("utf-8", "replace")
    except Exception:  # noqa
        return ""


def load_submission():
    S.package_dir = os.path.join(S.submission, "cs231n")
    install_compat_standins()
    sys.meta_path.insert(0, _FailedCoreFinder)
    sys.meta_path.insert(1, _SubmissionFinder)
    if not os.path.isdir(S.package_dir):
        problem("no cs231n folder in the submission", file="cs231n")
        for name, relpath in CORE:
            _fail(name, "the submission has no cs231n folder", "not_implemented", "cs231n")
        return
    if S.submission not in sys.path:
        sys.path.insert(0, S.submission)
    make_package("cs231n", S.package_dir)
    make_package("cs231n.classifiers", os.path.join(S.package_dir, "classifiers"))
    for name, relpath in CORE:
        load_core(name, relpath)
    for name in PACKAGES:
        run_package_init(name, sys.modules[name].__path__[0])
        # keep the core modules reachable as attributes whatever __init__ did
        for core in CORE_NAMES:
            if core in S.modules and core.rpartition(".")[0] == name:
                try:
                    setattr(sys.modules[name], core.rpartition(".")[2], S.modules[core])
                except Exception:  # noqa
                    pass
    for name, relpath in (("cs231n.layers", "cs231n/layers.py"), ("cs231n.layer_utils", "cs231n/layer_utils.py")):
        if name in S.modules:
            for fn in sorted(static_stub_functions(os.path.join(S.submission, relpath))):
                if fn in MODULE_OF and MODULE_OF[fn] == name:
                    S.static_stubs[fn] = "not implemented (raises NotImplementedError)"
                    problem("not implemented (raises NotImplementedError)", operation=fn)
    if "cs231n.optim" in S.modules:
        for fn in sorted(static_stub_functions(os.path.join(S.submission, "cs231n/optim.py"))):
            if fn in RULES:
                problem("update rule %s is not implemented (raises NotImplementedError)" % fn, operation="update")


# ----------------------------------------------------------------------------- evidence

def _class_init_params(name):
    """The keyword parameters of a class's __init__ (None when the class is not there)."""
    fc = S.modules.get("cs231n.classifiers.fc_net")
    cls = getattr(fc, name, None) if fc else None
    if cls is not None:
        try:
            return sorted(inspect.signature(cls.__init__).parameters)
        except Exception:  # noqa
            pass
    text = read_text("cs231n/classifiers/fc_net.py")
    m = re.search(r"class\s+%s\b.*?def\s+__init__\s*\((.*?)\)\s*:" % name, text, re.S)
    if m:
        return sorted(set(re.findall(r"(\w+)\s*(?:=|,|$)", m.group(1))))
    return None


DROP_RE = re.compile(r"(?:\bdrop\w*|\bzero\w*)\s+each\s+(?:neuron|unit|activation)\w*(?:\s+output)?\s+with\s+probability\s+p\b|"
                     r"probability\s+(?:of\s+)?(?:drop|zero)\w*", re.I)
KEEP_RE = re.compile(r"\b(?:keep|retain)\w*\s+each\s+(?:neuron|unit|activation)\w*(?:\s+output)?\s+with\s+probability\s+p\b|"
                     r"probability\s+(?:of\s+)?(?:keep|retain)\w*", re.I)


def _function_text(text, name):
    m = re.search(r"^def\s+%s\b(.*?)(?=^def\s|^class\s|\Z)" % name, text, re.S | re.M)
    return m.group(1) if m else ""


def _dropout_docstring():
    body = _function_text(read_text("cs231n/layers.py"), "dropout_forward")
    d, k = DROP_RE.search(body), KEEP_RE.search(body)
    if d and (not k or d.start() < k.start()):
        return {"convention": "drop", "phrase": " ".join(d.group(0).split())}
    if k:
        return {"convention": "keep", "phrase": " ".join(k.group(0).split())}
    return None


def _implemented_rules(text):
    """Update rules of optim.py whose body assigns next_w (or w) something other than None."""
    out = []
    try:
        tree = ast.parse(text)
    except Exception:  # noqa
        return None
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name not in RULES:
            continue
        for sub in ast.walk(node):
            targets = []
            if isinstance(sub, ast.Assign):
                targets = [t for t in sub.targets if isinstance(t, ast.Name) and t.id in ("next_w", "w")]
                if targets and isinstance(sub.value, ast.Constant) and sub.value.value is None:
                    targets = []
            elif isinstance(sub, ast.AugAssign) and isinstance(sub.target, ast.Name) and sub.target.id in ("next_w", "w"):
                targets = [sub.target]
            if targets:
                out.append(node.name)
                break
    return sorted(out)


MARKERS = [
    ("start_of_your_code", re.compile(r"\*{5}START OF YOUR CODE")),
    ("copy_over_from_assignment_1", re.compile(r"copy over your solution from (?:assignment 1|a1)", re.I)),
    ("delete_line", re.compile(r"~~DELETE LINE~~")),
    ("from_builtins", re.compile(r"^from builtins import", re.M)),
    ("python2_apis", re.compile(r"\bxrange\(|\.iteritems\(")),
]


def gather_evidence():
    """Facts for the harness's profile decision; the decision itself is the harness's."""
    texts = dict((rel, read_text(rel)) for _, rel in CORE)
    layers_text = texts["cs231n/layers.py"]
    ev = {
        "files": sorted(rel for rel, text in texts.items() if text),
        "fully_connected_net_arguments": _class_init_params("FullyConnectedNet"),
        "two_layer_net_arguments": _class_init_params("TwoLayerNet"),
        "layers_defines": sorted(set(re.findall(r"^def\s+(\w+)", layers_text, re.M))),
        "optim_defines": sorted(set(re.findall(r"^def\s+(\w+)", texts["cs231n/optim.py"], re.M))),
        "optim_implemented": _implemented_rules(texts["cs231n/optim.py"]),
        "solver_has_num_train_samples": ("num_train_samples" in texts["cs231n/solver.py"]) if texts["cs231n/solver.py"] else None,
        "python2_syntax": sorted(set(p["file"] for p in S.problems if "Python 2" in p.get("reason", "") and "file" in p)),
        "dropout_docstring": _dropout_docstring(),
        "markers": sorted(set(name for name, rx in MARKERS for text in texts.values() if rx.search(text))),
    }
    m = re.search(r"setdefault\(\s*['\"]t['\"]\s*,\s*(\d+)", _function_text(texts["cs231n/optim.py"], "adam"))
    ev["adam_default_t"] = int(m.group(1)) if m else None
    return ev


def source_spans():
    """Where each course function and class is defined, for warnings that name the line."""
    spans = {}
    S.spans = spans
    for name in COURSE_FUNCTIONS + list(RULES) + COURSE_CLASSES + ["Solver"]:
        mod_name = MODULE_OF.get(name) or ("cs231n.optim" if name in RULES else
                                           "cs231n.solver" if name == "Solver" else "cs231n.classifiers.fc_net")
        mod = S.modules.get(mod_name)
        obj = getattr(mod, name, None) if mod is not None else None
        obj = getattr(obj, "__gradecheck_original__", obj)
        if obj is None:
            continue
        try:
            lines, first = inspect.getsourcelines(obj)
            f = rel(inspect.getsourcefile(obj) or "")
        except Exception:  # noqa
            continue
        if f:
            spans[name] = {"file": f, "line": int(first), "end_line": int(first + len(lines) - 1)}
    return spans


def _unavailable(kind, reason, file=None, line=None):
    u = {"kind": kind, "reason": reason}
    if file:
        u["file"] = file
    if line:
        u["line"] = int(line)
    return u


def compute_operations():
    """Which operations the submission provides, and why each other one is missing: its file does
    not import, or the function is absent or a `raise NotImplementedError` stub. Which of them
    the assignment contains is the harness's decision, not the adapter's."""
    ops = []
    S.unavailable = {}
    for op in ORDER:
        if op == "evaluate_batch":
            ops.append(op)
            continue
        mod_name = MODULE_OF[op]
        if op in S.substitutes:
            ops.append(op)
            continue
        if mod_name not in S.modules:
            kind, file, line = S.failed_where.get(mod_name, ("not_implemented", None, None))
            S.unavailable[op] = _unavailable(kind, S.failed.get(mod_name, "%s did not load" % mod_name), file, line)
            continue
        mod = S.modules[mod_name]
        if op in S.static_stubs:
            S.unavailable[op] = _unavailable("not_implemented", S.static_stubs[op])
            continue
        if mod_name in ("cs231n.layers", "cs231n.layer_utils"):
            if not callable(getattr(mod, op, None)):
                S.unavailable[op] = _unavailable("not_implemented", "%s is missing from %s" % (op, mod_name.replace(".", "/") + ".py"))
                continue
        if mod_name == "cs231n.classifiers.fc_net":
            if not (callable(getattr(mod, "FullyConnectedNet", None)) or callable(getattr(mod, "TwoLayerNet", None))):
                S.unavailable[op] = _unavailable("not_implemented", "cs231n/classifiers/fc_net.py has neither TwoLayerNet nor FullyConnectedNet")
                continue
        if op == "solver_train" and not callable(getattr(mod, "Solver", None)):
            S.unavailable[op] = _unavailable("not_implemented", "cs231n/solver.py has no Solver")
            continue
        ops.append(op)
    S.operations = ops


# ----------------------------------------------------------------------------- values

class HandleRef(object):
    __slots__ = ("id",)

    def __init__(self, i):
        self.id = i


class NewHandle(object):
    __slots__ = ("kind", "obj")

    def __init__(self, kind, obj):
        self.kind = kind
        self.obj = obj


DTYPES = {"float64": "<f8", "float32": "<f4", "int64": "<i8", "int32": "<i4", "uint8": "u1", "bool": "?"}


def decode_array(spec):
    if not isinstance(spec, dict):
        raise BadRequest("$array is not an object")
    dtype, shape, data = spec.get("dtype"), spec.get("shape"), spec.get("data")
    if dtype not in DTYPES:
        raise BadRequest("unsupported array dtype %r" % (dtype,))
    if not isinstance(shape, list) or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
        raise BadRequest("bad array shape %r" % (shape,))
    if not isinstance(data, str):
        raise BadRequest("array data is not a base64 string")
    try:
        raw = base64.b64decode(data.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as e:
        raise BadRequest("array data is not valid base64: %s" % e)
    dt = np.dtype(DTYPES[dtype])
    count = 1
    for n in shape:
        count *= n
    if len(raw) != count * dt.itemsize:
        raise BadRequest("array data holds %d bytes; shape %s of %s needs %d" % (len(raw), shape, dtype, count * dt.itemsize))
    a = np.frombuffer(raw, dtype=dt).reshape(shape)
    if dtype == "float32":
        return a.astype(np.float64)
    if dtype == "int32":
        return a.astype(np.int64)
    return a.astype(dt.newbyteorder("="), copy=True)


def decode(v):
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return [decode(x) for x in v]
    if isinstance(v, dict):
        if "$array" in v:
            return decode_array(v["$array"])
        if "$handle" in v:
            h = v["$handle"]
            if not isinstance(h, int) or isinstance(h, bool):
                raise BadRequest("bad handle %r" % (h,))
            return HandleRef(h)
        if "$float" in v:
            s = v["$float"]
            if s not in ("nan", "inf", "-inf"):
                raise BadRequest("bad $float %r" % (s,))
            return float(s)
        return dict((k, decode(x)) for k, x in v.items())
    raise BadRequest("cannot decode %r" % (v,))


_IMMUTABLE = (int, float, str, bool, type(None), HandleRef)


def fresh(v):
    """A deep copy of decoded arguments (arrays copied, handles shared)."""
    if np is not None and isinstance(v, np.ndarray):
        return v.copy()
    if isinstance(v, dict):
        return dict((k, x if isinstance(x, _IMMUTABLE) else fresh(x)) for k, x in v.items())
    if isinstance(v, list):
        return [x if isinstance(x, _IMMUTABLE) else fresh(x) for x in v]
    return v


def store(kind, obj):
    h = S.next_handle
    S.next_handle += 1
    S.handles[h] = (kind, obj)
    return {"$handle": h}


def enc_float(x):
    x = float(x)
    if x != x:
        return {"$float": "nan"}
    if x == float("inf"):
        return {"$float": "inf"}
    if x == float("-inf"):
        return {"$float": "-inf"}
    return x


class _Skip(Exception):
    pass


def encode(v, lenient=False):
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, NewHandle):
        return store(v.kind, v.obj)
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return enc_float(v)
    if isinstance(v, np.ndarray):
        k = v.dtype.kind
        if k == "f":
            a, name = np.asarray(v, dtype="<f8", order="C"), "float64"
        elif k == "b":
            a, name = np.asarray(v, dtype="?", order="C"), "bool"
        elif k == "u" and v.dtype.itemsize == 1:
            a, name = np.asarray(v, dtype="u1", order="C"), "uint8"
        elif k in "iu":
            a, name = np.asarray(v, dtype="<i8", order="C"), "int64"
        else:
            raise BadResult("an array of dtype %s cannot be sent" % v.dtype)
        return {"$array": {"dtype": name, "shape": [int(n) for n in a.shape],
                           "data": base64.b64encode(a.tobytes(order="C")).decode("ascii")}}
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                if lenient:
                    continue
                raise BadResult("a dict key %r is not a string" % (k,))
            try:
                out[k] = encode(x, lenient)
            except (BadResult, _Skip):
                if lenient:
                    continue
                raise
        return out
    if isinstance(v, (list, tuple)):
        return [encode(x, lenient) for x in v]
    if lenient:
        raise _Skip()
    raise BadResult("a value of type %s cannot be sent" % type(v).__name__)


# ----------------------------------------------------------------------------- arguments

class Args(object):
    def __init__(self, values, output=None):
        if not isinstance(values, dict):
            raise BadRequest("arguments is not an object")
        self.v = values
        # The one output the caller reads (evaluate_batch), or None for all: a handler may
        # leave out converting the others.
        self.output = output

    def has(self, k):
        return k in self.v and self.v[k] is not None

    def raw(self, k):
        if k not in self.v:
            raise BadRequest("missing argument %r" % k)
        return self.v[k]

    def get(self, k, default=None):
        v = self.v.get(k)
        return default if v is None else v

    def arr(self, k):
        v = self.raw(k)
        if isinstance(v, (HandleRef, str, dict)) or v is None or isinstance(v, bool):
            raise BadRequest("argument %r is not an array" % k)
        try:
            return np.array(v, dtype=np.float64, copy=True, order="C")
        except Exception as e:  # noqa
            raise BadRequest("argument %r is not an array: %s" % (k, e))

    def labels(self, k):
        v = self.raw(k)
        if v is None or isinstance(v, (HandleRef, str, dict, bool, float)):
            raise BadRequest("argument %r is not a list of labels" % k)
        try:
            a = np.array(v)
            if a.size and a.dtype.kind not in "iub":
                if a.dtype.kind == "f" and np.all(a == np.round(a)):
                    pass
                else:
                    raise ValueError("labels must be integers")
            return np.array(a, dtype=np.int64, copy=True).reshape(-1)
        except Exception as e:  # noqa
            raise BadRequest("argument %r is not a list of labels: %s" % (k, e))

    def number(self, k, default=None):
        v = self.v.get(k)
        if v is None:
            if default is None:
                raise BadRequest("missing argument %r" % k)
            return default
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise BadRequest("argument %r is not a number" % k)
        return v

    def integer(self, k, default=None):
        v = self.number(k, default)
        if isinstance(v, float):
            if v != int(v):
                raise BadRequest("argument %r is not an integer" % k)
            v = int(v)
        return v

    def string(self, k):
        v = self.raw(k)
        if not isinstance(v, str):
            raise BadRequest("argument %r is not a string" % k)
        return v

    def dict(self, k):
        v = self.raw(k)
        if not isinstance(v, dict):
            raise BadRequest("argument %r is not an object" % k)
        return v

    def handle(self, k, kind):
        v = self.raw(k)
        if not isinstance(v, HandleRef):
            raise BadRequest("argument %r is not a handle" % k)
        if v.id not in S.handles:
            raise BadRequest("unknown handle %d" % v.id)
        hk, obj = S.handles[v.id]
        if kind is not None and hk != kind:
            raise BadRequest("handle %d is a %s, not a %s" % (v.id, hk, kind))
        return obj


# ----------------------------------------------------------------------------- calling student code

def call_student(fn, *a, **k):
    try:
        return fn(*a, **k)
    except BaseException as e:  # noqa: student code may raise anything, SystemExit included
        reason = stub_reason()
        if reason is not None and (isinstance(e, NotImplementedError) or _none_failure(e)):
            raise NotImpl(reason)
        raise StudentRaised(e)


def student_fn(op, name=None):
    mod = S.modules.get(MODULE_OF[op])
    f = getattr(mod, name or op, None) if mod is not None else None
    if not callable(f):
        raise NotImpl("%s is missing" % (name or op))
    return f


def starter(fname, what):
    reason = stub_reason()
    if reason is not None and not reason.startswith(fname + " "):
        return NotImpl(reason)
    where = S.has_placeholder.get(fname)
    return NotImpl("%s is still the starter's stub: it returns None for %s%s" % (fname, what, " (`pass` at %s)" % where if where else ""))


def unpack(res, names, fname):
    """The student's return value as len(names) values; the first None means starter code."""
    n = len(names)
    if res is None:
        raise starter(fname, ", ".join(names))
    if n == 1:
        if isinstance(res, tuple):
            raise BadResult("%s returned a tuple of %d values, expected 1 (%s)" % (fname, len(res), names[0]))
        return [res]
    if not isinstance(res, (tuple, list)):
        raise BadResult("%s returned a %s, expected %d values (%s)" % (fname, type(res).__name__, n, ", ".join(names)))
    if len(res) != n:
        raise BadResult("%s returned %d values, expected %d (%s)" % (fname, len(res), n, ", ".join(names)))
    vals = list(res)
    if vals[0] is None:
        raise starter(fname, names[0])
    return vals


def as_array(v, what, fname):
    if v is None:
        raise BadResult("%s returned None for %s" % (fname, what))
    if isinstance(v, (str, bytes, dict)) or inspect.isfunction(v):
        raise BadResult("%s returned a %s for %s, not an array" % (fname, type(v).__name__, what))
    try:
        a = np.array(v, dtype=np.float64, copy=True, order="C")
    except BaseException as e:  # noqa
        raise BadResult("%s returned a %s for %s that is not an array of numbers: %s: %s"
                        % (fname, type(v).__name__, what, type(e).__name__, _exc_text(e)))
    return a


def as_scalar(v, what, fname):
    if v is None:
        raise BadResult("%s returned None for %s" % (fname, what))
    if isinstance(v, (str, bytes, dict, list, tuple)):
        raise BadResult("%s returned a %s for %s, not a number" % (fname, type(v).__name__, what))
    try:
        a = np.asarray(v, dtype=np.float64)
        if a.size != 1:
            raise ValueError("an array of shape %s" % (a.shape,))
        return float(a.reshape(-1)[0])
    except BaseException as e:  # noqa
        raise BadResult("%s returned %s for %s, not a number: %s" % (fname, type(v).__name__, what, _exc_text(e)))


def snapshot(pairs):
    """Copies of the array arguments handed to student code, to notice changes in place."""
    return [(name, arr, arr.copy()) for name, arr in pairs if isinstance(arr, np.ndarray)]


def report_mutations(op, snap):
    for name, arr, before in snap:
        try:
            same = arr.shape == before.shape and np.array_equal(arr, before, equal_nan=True)
        except Exception:  # noqa
            same = False
        if not same:
            span = S.spans.get(op) if isinstance(S.spans, dict) else None
            w = {"kind": "mutated_argument", "argument": name,
                 "message": "%s changed its argument %s in place; the course's checks do not see it, but a caller "
                            "that uses %s afterwards gets the changed array" % (op, name, name)}
            if span:
                w["location"] = "%s:%d" % (span["file"], span["line"])
            if not any(x.get("argument") == name and x.get("kind") == "mutated_argument" for x in S.call_warnings):
                S.call_warnings.append(w)


def simple(op, arg_kinds, result_kinds):
    def handler(a):
        f = student_fn(op)
        vals = []
        pairs = []
        for name, kind in arg_kinds:
            if kind == "arr":
                vals.append(a.arr(name))
                pairs.append((name, vals[-1]))
            elif kind == "cache":
                vals.append(a.handle(name, "cache"))
            elif kind == "dict":
                vals.append(fresh(a.dict(name)))
        snap = snapshot(pairs)
        res = call_student(f, *vals)
        report_mutations(op, snap)
        names = [n for n, _ in result_kinds]
        out = unpack(res, names, op)
        results = {}
        for (name, kind), v in zip(result_kinds, out):
            if kind == "array":
                results[name] = as_array(v, name, op)
            elif kind == "cache":
                results[name] = NewHandle("cache", v)
        return results
    return handler


def op_batchnorm_forward(a):
    f = student_fn("batchnorm_forward")
    x, gamma, beta = a.arr("x"), a.arr("gamma"), a.arr("beta")
    bn_param = a.dict("bn_param")
    snap = snapshot([("x", x), ("gamma", gamma), ("beta", beta)])
    res = call_student(f, x, gamma, beta, bn_param)
    report_mutations("batchnorm_forward", snap)
    out, cache = unpack(res, ["out", "cache"], "batchnorm_forward")
    return {"out": as_array(out, "out", "batchnorm_forward"), "cache": NewHandle("cache", cache),
            "bn_param": Lenient(dict(bn_param))}


class Lenient(object):
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def op_dropout_forward(a):
    f = student_fn("dropout_forward")
    x = a.arr("x")
    param = a.dict("dropout_param")
    if "p" in param and S.dropout_p == "drop":
        p = param["p"]
        if isinstance(p, (int, float)) and not isinstance(p, bool):
            param["p"] = 1 - p
    if isinstance(param.get("seed"), int) and not isinstance(param.get("seed"), bool):
        param["seed"] = param["seed"] & 0xffffffff
    snap = snapshot([("x", x)])
    res = call_student(f, x, param)
    report_mutations("dropout_forward", snap)
    out, cache = unpack(res, ["out", "cache"], "dropout_forward")
    return {"out": as_array(out, "out", "dropout_forward"), "cache": NewHandle("cache", cache)}


def loss_op(op):
    def handler(a):
        f = student_fn(op)
        x, y = a.arr("x"), a.labels("y")
        snap = snapshot([("x", x), ("y", y)])
        res = call_student(f, x, y)
        report_mutations(op, snap)
        loss, dx = unpack(res, ["loss", "dx"], op)
        results = {"loss": as_scalar(loss, "loss", op), "dx": as_array(dx, "dx", op)}
        if a.v.get("report_inputs") is True:
            try:
                xa = np.array(x, dtype=np.float64, copy=True)
                ya = [int(t) for t in np.asarray(y).reshape(-1).tolist()]
            except Exception as e:  # noqa
                raise BadResult("the inputs cannot be reported after the call: %s" % e)
            results["inputs_after"] = {"x": xa, "y": ya}
        return results
    return handler


def _signature_params(cls):
    try:
        sig = inspect.signature(cls.__init__)
    except Exception:  # noqa
        try:
            sig = inspect.signature(cls)
        except Exception:  # noqa
            return set(), False
    names = set()
    var_kw = False
    for p in sig.parameters.values():
        if p.kind == inspect.Parameter.VAR_KEYWORD:
            var_kw = True
        elif p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY):
            names.add(p.name)
    return names, var_kw


def op_make_model(a):
    fc = S.modules.get("cs231n.classifiers.fc_net")
    kind = a.string("kind")
    hidden = a.raw("hidden_dims")
    if not isinstance(hidden, list) or not all(isinstance(h, int) and not isinstance(h, bool) for h in hidden):
        raise BadRequest("hidden_dims is not a list of integers")
    normalization = a.get("normalization")
    if normalization not in (None, "batchnorm", "layernorm"):
        raise BadRequest("unknown normalization %r" % (normalization,))
    keep = a.get("dropout_keep", 1.0)
    if isinstance(keep, bool) or not isinstance(keep, (int, float)):
        raise BadRequest("dropout_keep is not a number")
    dropout_seed = a.get("dropout_seed")
    init_seed = a.integer("init_seed", 0)
    cand = {"input_dim": a.integer("input_dim"), "num_classes": a.integer("num_classes"),
            "weight_scale": a.number("weight_scale"), "reg": a.number("reg", 0.0), "dtype": np.float64}
    if kind == "two_layer":
        cls = getattr(fc, "TwoLayerNet", None)
        if not callable(cls):
            raise NotImpl("cs231n/classifiers/fc_net.py has no TwoLayerNet")
        if len(hidden) != 1:
            raise BadRequest("a two-layer net has exactly one hidden layer")
        if normalization is not None:
            raise BadRequest("TwoLayerNet has no normalization")
        cand["hidden_dim"] = hidden[0]
        cname = "TwoLayerNet"
    elif kind == "fully_connected":
        cls = getattr(fc, "FullyConnectedNet", None)
        if not callable(cls):
            raise NotImpl("cs231n/classifiers/fc_net.py has no FullyConnectedNet")
        cname = "FullyConnectedNet"
        cand["hidden_dims"] = list(hidden)
    else:
        raise BadRequest("unknown model kind %r" % (kind,))
    names, var_kw = _signature_params(cls)
    if kind == "fully_connected":
        if "normalization" in names:
            cand["normalization"] = normalization
        elif "use_batchnorm" in names:
            if normalization == "layernorm":
                raise NotImpl("FullyConnectedNet has no layer norm (use_batchnorm only)")
            cand["use_batchnorm"] = normalization == "batchnorm"
        elif normalization is not None:
            raise NotImpl("FullyConnectedNet takes no normalization argument")
        if "dropout_keep_ratio" in names:
            cand["dropout_keep_ratio"] = keep
        elif "dropout" in names:
            cand["dropout"] = (1 - keep) if S.dropout_p == "drop" else keep
        elif keep != 1:
            raise NotImpl("FullyConnectedNet takes no dropout argument")
        if dropout_seed is not None:
            if isinstance(dropout_seed, bool) or not isinstance(dropout_seed, int):
                raise BadRequest("dropout_seed is not an integer")
            cand["seed"] = dropout_seed & 0xffffffff
    kwargs = dict((k, v) for k, v in cand.items() if k in names)

    def build():
        np.random.seed(init_seed & 0xffffffff)
        return cls(**kwargs)
    model = call_student(build)
    params = getattr(model, "params", None)
    if not isinstance(params, dict):
        raise BadResult("%s has no params dict" % cname)
    if not params:
        raise NotImpl("%s.__init__ is still the starter code: self.params is empty" % cname)
    return {"model": NewHandle("model", model)}


def _params_of(model):
    params = getattr(model, "params", None)
    if not isinstance(params, dict):
        raise BadResult("the model has no params dict")
    return params


def op_get_params(a):
    model = a.handle("model", "model")
    params = _params_of(model)
    return {"params": dict((str(k), as_array(v, "params[%r]" % (k,), "model")) for k, v in params.items())}


def op_set_params(a):
    model = a.handle("model", "model")
    params = _params_of(model)
    new = a.dict("params")
    for k, v in new.items():
        if not isinstance(v, np.ndarray):
            raise BadRequest("params[%r] is not an array" % k)
    for k, v in new.items():
        params[k] = np.array(v, dtype=np.float64, copy=True)
    return {}


def op_model_loss(a):
    model = a.handle("model", "model")
    if a.has("reg"):
        r = a.number("reg")
        try:
            model.reg = r
        except BaseException as e:  # noqa
            raise StudentRaised(e)
    X = a.arr("X")
    loss_fn = getattr(model, "loss", None)
    if not callable(loss_fn):
        raise NotImpl("the model has no loss method")
    cname = type(model).__name__ + ".loss"
    if a.v.get("y") is None:
        scores = call_student(loss_fn, X)
        if scores is None:
            raise starter(cname, "scores")
        if isinstance(scores, tuple):
            raise BadResult("%s(X) returned a tuple of %d values, expected the scores" % (cname, len(scores)))
        return {"scores": as_array(scores, "scores", cname)}
    y = a.labels("y")
    res = call_student(loss_fn, X, y)
    loss, grads = unpack(res, ["loss", "grads"], cname)
    if not isinstance(grads, dict):
        if grads is None:
            raise BadResult("%s returned None for grads" % cname)
        raise BadResult("%s returned a %s for grads, not a dict" % (cname, type(grads).__name__))
    if not grads and _params_of(model):
        raise NotImpl("%s returned no gradients (still the starter code?)" % cname)
    if a.output == "loss":
        return {"loss": as_scalar(loss, "loss", cname)}
    return {"loss": as_scalar(loss, "loss", cname),
            "grads": dict((str(k), as_array(v, "grads[%r]" % (k,), cname)) for k, v in grads.items())}


def op_update(a):
    rule = a.string("rule")
    if rule not in RULES:
        raise BadRequest("unknown update rule %r" % rule)
    optim = S.modules.get("cs231n.optim")
    f = getattr(optim, rule, None)
    if not callable(f):
        raise NotImpl("cs231n/optim.py has no %s" % rule)
    w, dw = a.arr("w"), a.arr("dw")
    config = a.v.get("config")
    if config is not None and not isinstance(config, dict):
        raise BadRequest("config is not an object")
    snap = snapshot([("w", w), ("dw", dw)])
    res = call_student(f, w, dw, config)
    report_mutations("update", snap)
    next_w, cfg = unpack(res, ["next_w", "config"], rule)
    if cfg is None:
        raise BadResult("%s returned None for config" % rule)
    if not isinstance(cfg, dict):
        raise BadResult("%s returned a %s for config, not a dict" % (rule, type(cfg).__name__))
    return {"next_w": as_array(next_w, "next_w", rule), "config": Lenient(cfg)}


class GradecheckSolver(object):
    """gradecheck's own Solver, used only when the course's `cs231n/solver.py` (course code in
    every year) does not run under Python 3 (the 2016 starter's print statements). It follows
    the course's documented behaviour: minibatches drawn with np.random.choice (with
    replacement), the update rule of the submission's `cs231n/optim.py` with one config per
    parameter, the learning rate decayed after each epoch, accuracies before training, after
    each epoch and at the end (training accuracy on at most `num_train_samples` examples), and
    the best parameters by validation accuracy kept."""

    def __init__(self, model, data, update_rule="sgd", optim_config=None, lr_decay=1.0, batch_size=100,
                 num_epochs=10, num_train_samples=1000, num_val_samples=None, print_every=10, verbose=True,
                 checkpoint_name=None):
        self.model = model
        self.X_train, self.y_train = data["X_train"], data["y_train"]
        self.X_val, self.y_val = data["X_val"], data["y_val"]
        optim = S.modules.get("cs231n.optim")
        self.update_rule = getattr(optim, update_rule, None) if optim is not None else None
        if not callable(self.update_rule):
            raise ValueError('Invalid update_rule "%s"' % update_rule)
        self.optim_config = dict(optim_config or {})
        self.lr_decay = lr_decay
        self.batch_size = batch_size
        self.num_epochs = num_epochs
        self.num_train_samples = num_train_samples
        self.num_val_samples = num_val_samples
        self.epoch = 0
        self.best_val_acc = 0
        self.best_params = {}
        self.loss_history, self.train_acc_history, self.val_acc_history = [], [], []
        self.optim_configs = dict((p, dict(self.optim_config)) for p in self.model.params)

    def _step(self):
        num_train = self.X_train.shape[0]
        batch = np.random.choice(num_train, self.batch_size)
        loss, grads = self.model.loss(self.X_train[batch], self.y_train[batch])
        self.loss_history.append(loss)
        for p, w in list(self.model.params.items()):
            next_w, next_config = self.update_rule(w, grads[p], self.optim_configs[p])
            self.model.params[p] = next_w
            self.optim_configs[p] = next_config

    def check_accuracy(self, X, y, num_samples=None, batch_size=100):
        N = X.shape[0]
        if num_samples is not None and N > num_samples:
            mask = np.random.choice(N, num_samples)
            N, X, y = num_samples, X[mask], y[mask]
        batches = N // batch_size + (1 if N % batch_size else 0)
        predictions = []
        for i in range(batches):
            scores = self.model.loss(X[i * batch_size:(i + 1) * batch_size])
            predictions.append(np.argmax(scores, axis=1))
        return float(np.mean(np.hstack(predictions) == y))

    def train(self):
        per_epoch = max(self.X_train.shape[0] // self.batch_size, 1)
        iterations = self.num_epochs * per_epoch
        for t in range(iterations):
            self._step()
            epoch_end = (t + 1) % per_epoch == 0
            if epoch_end:
                self.epoch += 1
                for config in self.optim_configs.values():
                    if "learning_rate" in config:
                        config["learning_rate"] *= self.lr_decay
            if t == 0 or t == iterations - 1 or epoch_end:
                train_acc = self.check_accuracy(self.X_train, self.y_train, num_samples=self.num_train_samples)
                val_acc = self.check_accuracy(self.X_val, self.y_val, num_samples=self.num_val_samples)
                self.train_acc_history.append(train_acc)
                self.val_acc_history.append(val_acc)
                if val_acc > self.best_val_acc:
                    self.best_val_acc = val_acc
                    self.best_params = dict((k, v.copy()) for k, v in self.model.params.items())
        self.model.params = self.best_params


def op_solver_train(a):
    solver_mod = S.modules.get("cs231n.solver")
    Solver = getattr(solver_mod, "Solver", None)
    if "solver_train" in S.substitutes:
        Solver = GradecheckSolver
        S.call_warnings.append({"kind": "substituted", "message": S.substitutes["solver_train"]})
    if not callable(Solver):
        raise NotImpl("cs231n/solver.py has no Solver")
    model = a.handle("model", "model")
    data = {"X_train": a.arr("X_train"), "y_train": a.labels("y_train"),
            "X_val": a.arr("X_val"), "y_val": a.labels("y_val")}
    kwargs = {"update_rule": a.string("update_rule"), "optim_config": fresh(a.get("optim_config", {})),
              "lr_decay": a.number("lr_decay", 1.0), "batch_size": a.integer("batch_size"),
              "num_epochs": a.integer("num_epochs"), "verbose": False}
    if not isinstance(kwargs["optim_config"], dict):
        raise BadRequest("optim_config is not an object")
    seed = a.integer("seed", 0)

    def run():
        np.random.seed(seed & 0xffffffff)
        solver = Solver(model, data, **kwargs)
        solver.train()
        return solver
    solver = call_student(run)

    def hist(name):
        h = getattr(solver, name, None)
        if h is None:
            raise BadResult("the Solver has no %s" % name)
        try:
            items = list(h)
        except Exception as e:  # noqa
            raise BadResult("Solver.%s is not a list: %s" % (name, e))
        return [as_scalar(v, name, "Solver") for v in items]
    return {"loss_history": hist("loss_history"), "train_acc_history": hist("train_acc_history"),
            "val_acc_history": hist("val_acc_history"),
            "best_val_acc": as_scalar(getattr(solver, "best_val_acc", None), "best_val_acc", "Solver")}


def _output_of(results, path):
    v = results
    for part in path.split("."):
        if isinstance(v, Lenient):
            v = v.v
        if not isinstance(v, dict) or part not in v:
            raise BadRequest("the operation has no output %r" % path)
        v = v[part]
    if isinstance(v, NewHandle) or isinstance(v, Lenient):
        raise BadRequest("output %r is not a number or an array" % path)
    try:
        return np.array(v, dtype=np.float64)
    except Exception as e:  # noqa
        raise BadResult("output %r is not numeric: %s" % (path, e))


def op_evaluate_batch(a):
    call = a.dict("call")
    op = call.get("operation")
    if not isinstance(op, str) or op not in HANDLERS or op == "evaluate_batch":
        raise BadRequest("evaluate_batch cannot evaluate %r" % (op,))
    if op not in S.operations:
        raise NotImpl((S.unavailable.get(op) or {}).get("reason", "%s is not available" % op))
    base_args = call.get("arguments", {})
    if not isinstance(base_args, dict):
        raise BadRequest("call.arguments is not an object")
    vary = a.string("vary")
    output = a.string("output")
    weights = a.v.get("weights")
    if weights is not None:
        if not isinstance(weights, np.ndarray):
            raise BadRequest("weights is not an array")
        weights = np.array(weights, dtype=np.float64)
    indices = a.raw("indices")
    if not isinstance(indices, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in indices):
        raise BadRequest("indices is not a list of integers")
    step = a.v.get("h", a.v.get("step"))
    if isinstance(step, bool) or not isinstance(step, (int, float)):
        raise BadRequest("missing step h")
    handler = HANDLERS[op]

    def f(args):
        return _output_of(handler(Args(args, output)), output)

    def weigh(v):
        if weights is None:
            return v
        if weights.shape != v.shape:
            raise BadResult("weights of shape %s do not match output %r of shape %s" % (weights.shape, output, v.shape))
        return v * weights

    def total(v):
        return float(np.sum(weigh(v), dtype=np.float64))

    if a.has("points"):
        return _evaluate_points(a.raw("points"), base_args, vary, output, op, f, weigh, total)

    central, forward, backward = [], [], []
    if vary.startswith("params."):
        if op != "model_loss":
            raise BadRequest("vary params.NAME needs model_loss")
        name = vary[len("params."):]
        model = Args(base_args).handle("model", "model")
        params = _params_of(model)
        if name not in params:
            raise BadRequest("the model has no parameter %r" % name)
        orig = params[name]
        base = as_array(orig, "params[%r]" % name, "model")
        for i in indices:
            if not 0 <= i < base.size:
                raise BadRequest("index %d is out of range for %s of size %d" % (i, vary, base.size))
        try:
            f0 = f(fresh(base_args))
            for i in indices:
                p = base.copy()
                p.flat[i] = base.flat[i] + step
                params[name] = p
                fp = f(fresh(base_args))
                p = base.copy()
                p.flat[i] = base.flat[i] - step
                params[name] = p
                fm = f(fresh(base_args))
                params[name] = orig
                central.append(total(fp - fm))
                forward.append(total(fp - f0))
                backward.append(total(f0 - fm))
        finally:
            params[name] = orig
    else:
        if vary not in base_args:
            raise BadRequest("missing argument %r" % vary)
        base = base_args[vary]
        if not isinstance(base, np.ndarray):
            raise BadRequest("argument %r is not an array" % vary)
        if base.dtype.kind != "f":
            base = base.astype(np.float64)
        for i in indices:
            if not 0 <= i < base.size:
                raise BadRequest("index %d is out of range for %s of size %d" % (i, vary, base.size))
        f0 = f(fresh(base_args))
        for i in indices:
            args = fresh(base_args)
            x = base.copy()
            x.flat[i] = base.flat[i] + step
            args[vary] = x
            fp = f(args)
            args = fresh(base_args)
            x = base.copy()
            x.flat[i] = base.flat[i] - step
            args[vary] = x
            fm = f(args)
            central.append(total(fp - fm))
            forward.append(total(fp - f0))
            backward.append(total(f0 - fm))
    return {"base": total(f0), "central": central, "forward": forward, "backward": backward}


def _evaluate_points(points, base_args, vary, output, op, f, weigh, total):
    """evaluate_batch with `points`: each entry {indices, deltas} is the varied array with
    deltas added at those flat indices, and {delta} the varied array plus delta (an array with
    its entries, in flat order); each is evaluated once, in the order given (the harness shuffles
    them and mixes in decoys). Returns base = sum(f(p0) * weights), scale = sum(|f(p0) *
    weights|) and values = [sum((f(p) - f(p0)) * weights)] for p0 the first point."""
    if not isinstance(points, list):
        raise BadRequest("points is not a list")
    if vary.startswith("params."):
        if op != "model_loss":
            raise BadRequest("vary params.NAME needs model_loss")
        name = vary[len("params."):]
        params = _params_of(Args(base_args).handle("model", "model"))
        if name not in params:
            raise BadRequest("the model has no parameter %r" % name)
        orig = params[name]
        base = as_array(orig, "params[%r]" % name, "model")
    else:
        params = orig = None
        if vary not in base_args:
            raise BadRequest("missing argument %r" % vary)
        base = base_args[vary]
        if not isinstance(base, np.ndarray):
            raise BadRequest("argument %r is not an array" % vary)
        if base.dtype.kind != "f":
            base = base.astype(np.float64)
    moved = []
    for p in points:
        if isinstance(p, dict) and "delta" in p:
            delta = p["delta"]
            if not isinstance(delta, np.ndarray) or delta.size != base.size:
                raise BadRequest("a point's delta is not an array of the %d entries of %s" % (base.size, vary))
            moved.append((None, np.asarray(delta, dtype=np.float64).reshape(-1)))
            continue
        idx, deltas = (p.get("indices"), p.get("deltas")) if isinstance(p, dict) else (None, None)
        if (not isinstance(idx, list) or not isinstance(deltas, list) or len(idx) != len(deltas)
                or not all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < base.size for i in idx)
                or not all(isinstance(d, (int, float)) and not isinstance(d, bool) for d in deltas)):
            raise BadRequest("a point is not {indices, deltas} of equal length within %s of size %d" % (vary, base.size))
        if len(idx) > 16:
            # A dense point (a random direction over many entries): numpy applies it at once,
            # each entry still base + delta in float64.
            moved.append((np.asarray(idx, dtype=np.intp), np.asarray(deltas, dtype=np.float64)))
        else:
            moved.append((idx, deltas))
    f0, values, scale = None, [], 0.0
    try:
        for idx, deltas in moved:
            x = base.copy()
            if idx is None:
                x.flat[:] = base.reshape(-1).astype(np.float64) + deltas
            elif isinstance(idx, np.ndarray):
                x.flat[idx] = base.flat[idx].astype(np.float64) + deltas
            else:
                for i, d in zip(idx, deltas):
                    x.flat[i] = base.flat[i] + d
            if params is not None:
                args = fresh(base_args)
                params[name] = x
            else:
                args = fresh(dict((k, a) for k, a in base_args.items() if k != vary))
                args[vary] = x
            v = f(args)
            if f0 is None:
                f0 = v
                scale = float(np.sum(np.abs(weigh(v)), dtype=np.float64))
            elif v.shape != f0.shape:
                raise BadResult("output %r has shape %s at one point and %s at another" % (output, v.shape, f0.shape))
            values.append(total(v - f0))
    finally:
        if params is not None:
            params[name] = orig
    return {"base": total(f0) if f0 is not None else 0.0, "scale": scale, "values": values}


def op_configure(a):
    """The harness's decisions: what dropout's p means, and which course functions the year's
    starter provides (course code that does not run under Python 3 is then replaced by
    gradecheck's own, and the report says so)."""
    p = a.v.get("dropout_p")
    if p in ("keep", "drop"):
        S.dropout_p = p
    provided = a.v.get("provided") or []
    if isinstance(provided, list):
        S.provided = set(x for x in provided if isinstance(x, str))
    S.substitutes = {}
    kind, file, line = S.failed_where.get("cs231n.solver", (None, None, None))
    if "Solver" in S.provided and kind == "does_not_import" and file == "cs231n/solver.py" and "cs231n.optim" in S.modules:
        S.substitutes["solver_train"] = ("cs231n/solver.py does not import (%s); it is course code, so gradecheck's own "
                                         "Solver, which follows the course's, trained your net" % S.failed["cs231n.solver"])
    compute_operations()
    return {"operations": S.operations, "unavailable": S.unavailable}


HANDLERS = {
    "affine_forward": simple("affine_forward", [("x", "arr"), ("w", "arr"), ("b", "arr")], [("out", "array"), ("cache", "cache")]),
    "affine_backward": simple("affine_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array"), ("dw", "array"), ("db", "array")]),
    "relu_forward": simple("relu_forward", [("x", "arr")], [("out", "array"), ("cache", "cache")]),
    "relu_backward": simple("relu_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array")]),
    "affine_relu_forward": simple("affine_relu_forward", [("x", "arr"), ("w", "arr"), ("b", "arr")], [("out", "array"), ("cache", "cache")]),
    "affine_relu_backward": simple("affine_relu_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array"), ("dw", "array"), ("db", "array")]),
    "batchnorm_forward": op_batchnorm_forward,
    "batchnorm_backward": simple("batchnorm_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array"), ("dgamma", "array"), ("dbeta", "array")]),
    "batchnorm_backward_alt": simple("batchnorm_backward_alt", [("dout", "arr"), ("cache", "cache")], [("dx", "array"), ("dgamma", "array"), ("dbeta", "array")]),
    "layernorm_forward": simple("layernorm_forward", [("x", "arr"), ("gamma", "arr"), ("beta", "arr"), ("ln_param", "dict")], [("out", "array"), ("cache", "cache")]),
    "layernorm_backward": simple("layernorm_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array"), ("dgamma", "array"), ("dbeta", "array")]),
    "dropout_forward": op_dropout_forward,
    "dropout_backward": simple("dropout_backward", [("dout", "arr"), ("cache", "cache")], [("dx", "array")]),
    "softmax_loss": loss_op("softmax_loss"),
    "svm_loss": loss_op("svm_loss"),
    "make_model": op_make_model,
    "get_params": op_get_params,
    "set_params": op_set_params,
    "model_loss": op_model_loss,
    "update": op_update,
    "solver_train": op_solver_train,
    "evaluate_batch": op_evaluate_batch,
    "configure": op_configure,
}


def encode_results(results):
    out = {}
    for k, v in results.items():
        if isinstance(v, Lenient):
            out[k] = encode(v.v, lenient=True)
        else:
            out[k] = encode(v)
    return out


# ----------------------------------------------------------------------------- errors from student code

def type_name(exc):
    cls = type(exc)
    name = cls.__name__
    if name.startswith("_"):
        for c in cls.__mro__:
            if c.__module__ == "builtins" and not c.__name__.startswith("_"):
                return c.__name__
    mod = getattr(cls, "__module__", "builtins")
    if mod not in ("builtins", "__main__") and name[:1].islower():
        return "%s.%s" % (mod, name)
    return name


def cap_traceback(text):
    if len(text) <= TRACEBACK_CAP:
        return text
    head = text[:1500]
    tail = text[-(TRACEBACK_CAP - 1600):]
    return head + "\n... [%d characters cut] ...\n" % (len(text) - len(head) - len(tail)) + tail


def student_error(exc):
    try:
        tb_text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    except Exception:  # noqa
        tb_text = repr(exc)
    found = innermost_submission_frame(exc.__traceback__)
    message = _exc_text(exc)
    if len(message) > 4000:
        message = message[:4000] + "... [%d characters cut]" % (len(message) - 4000)
    e = {"type": type_name(exc), "message": message, "traceback": cap_traceback(tb_text)}
    if found:
        e["location"] = "%s:%d" % found
    if isinstance(exc, NotImplementedError):
        e["kind"] = "not_implemented"
        e["message"] = "NotImplementedError" + (": " + message if message else "") + \
            (" at %s" % e["location"] if "location" in e else "")
    else:
        e["kind"] = "raised"
    return e


# ----------------------------------------------------------------------------- transport

def flush_std():
    for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if s is not None:
                s.flush()
        except BaseException:  # noqa
            pass


def write_message(obj):
    flush_std()
    data = json.dumps(obj, allow_nan=False, separators=(",", ":")).encode("utf-8")
    if not _write_frame(S.rep_fd, data):
        os._exit(1)


def read_exact(n):
    return _read_exact_fd(S.req_fd, n)


def read_message():
    head = read_exact(4)
    if head is None:
        return None
    n = struct.unpack(">I", head)[0]
    if n > MAX_MESSAGE:
        write_message({"type": "error", "id": None, "error": {"kind": "bad_request",
                                                              "message": "message of %d bytes is over 1 GiB" % n}})
        os._exit(1)
    body = read_exact(n)
    if body is None:
        return None
    return body


def handle_call(msg):
    op = msg.get("operation")
    if not isinstance(op, str) or op not in HANDLERS:
        raise BadRequest("unknown operation %r" % (op,))
    if op not in S.operations and op != "configure":
        u = S.unavailable.get(op) or {"kind": "not_implemented", "reason": "%s is not available" % op}
        where = u.get("file")
        if where and u.get("line"):
            where = "%s:%d" % (where, u["line"])
        message = ("%s: %s" % (where, u["reason"])) if where else u["reason"]
        raise NotImpl(message, **({"cause": "does_not_import"} if u.get("kind") == "does_not_import" else {}))
    args = msg.get("arguments", {})
    if args is None:
        args = {}
    if not isinstance(args, dict):
        raise BadRequest("arguments is not an object")
    decoded = decode(args)
    results = HANDLERS[op](Args(decoded))
    return encode_results(results)


def serve():
    # A process forked by student code (os.fork, multiprocessing) returns into this loop too: it
    # must never speak the protocol (its replies would interleave with the real ones), so it
    # leaves silently as soon as the student's code hands control back.
    main_pid = os.getpid()
    while True:
        body = read_message()
        if body is None:
            flush_std()
            os._exit(0)
        mid = None
        try:
            try:
                msg = json.loads(body.decode("utf-8"))
            except Exception as e:  # noqa
                head = _CALL_HEAD.match(body)
                mid = int(head.group(1)) if head else None  # the id the relay read from the head
                raise BadRequest("the request is not JSON: %s" % e)
            if not isinstance(msg, dict):
                raise BadRequest("the request is not an object")
            mid = msg.get("id")
            mtype = msg.get("type")
            if mtype == "shutdown":
                flush_std()
                os._exit(0)
            if mtype != "call":
                raise BadRequest("unknown message type %r" % (mtype,))
            S.call_warnings = []
            S.stub_returns = []
            reply = {"type": "result", "id": mid, "results": handle_call(msg)}
        except AdapterError as e:
            reply = {"type": "error", "id": mid, "error": e.payload()}
        except StudentRaised as s:
            reply = {"type": "error", "id": mid, "error": student_error(s.exc)}
        except BaseException as e:  # noqa: an adapter-side failure, often on a student's odd object
            try:
                tb = cap_traceback("".join(traceback.format_exception(type(e), e, e.__traceback__)))
            except BaseException:  # noqa
                tb = ""
            if isinstance(e, (MemoryError, RecursionError)):
                err = {"kind": "raised", "type": type_name(e), "message": _exc_text(e)[:4000], "traceback": tb}
            else:
                err = {"kind": "bad_result", "type": type_name(e),
                       "message": "adapter: %s" % _exc_text(e)[:4000], "traceback": tb}
            reply = {"type": "error", "id": mid, "error": err}
        if os.getpid() != main_pid:
            os._exit(0)
        if S.call_warnings:
            reply["warnings"] = S.call_warnings[:20]
        try:
            write_message(reply)
        except BaseException as e:  # noqa
            try:
                write_message({"type": "error", "id": mid, "error": {
                    "kind": "bad_result", "message": "the reply could not be encoded: %s" % _exc_text(e)}})
            except BaseException:  # noqa
                os._exit(1)


# ----------------------------------------------------------------------------- relay

# The adapter splits in two before any student code exists: this process (the relay) keeps the
# harness's descriptors and never runs student code; a forked worker loads the submission and
# serves the protocol over two pipes of its own. A frame the student's code writes can only
# reach the relay, which forwards one reply per request, only with the request's id.

_REPLY_HEAD = re.compile(rb'^\{"type":"(result|error)","id":(-?\d+|null)[,}]')
# How the harness writes a call: type and id first.
_CALL_HEAD = re.compile(rb'^\{"type":"call","id":(-?\d+),')


def _read_frame(fd):
    """One frame (4-byte big-endian length, then the body) from fd; None at end of file."""
    head = _read_exact_fd(fd, 4)
    if head is None:
        return None
    n = struct.unpack(">I", head)[0]
    if n > MAX_MESSAGE:
        return False
    return _read_exact_fd(fd, n)


def _read_exact_fd(fd, n):
    chunks = []
    while n > 0:
        try:
            c = os.read(fd, min(n, 1 << 20))
        except InterruptedError:
            continue
        except OSError:
            return None
        if not c:
            return None
        chunks.append(c)
        n -= len(c)
    return b"".join(chunks)


def _write_frame(fd, body):
    view = memoryview(struct.pack(">I", len(body)) + body)
    while view:
        try:
            n = os.write(fd, view)
        except InterruptedError:
            continue
        except OSError:
            return False
        view = view[n:]
    return True


def _reply_id(body):
    """The id a result or error frame carries (its type and id lead, as the worker writes them)."""
    m = _REPLY_HEAD.match(body)
    if m:
        return None if m.group(2) == b"null" else int(m.group(2))
    try:
        msg = json.loads(body.decode("utf-8"))
    except Exception:  # noqa
        return "unreadable"
    if not isinstance(msg, dict) or msg.get("type") not in ("result", "error"):
        return "unreadable"
    return msg.get("id")


def _end_like(pid):
    """Exits the way the worker did (its status or its signal), so the harness can tell a crash."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        os._exit(1)
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            signal.signal(sig, signal.SIG_DFL)
            os.kill(os.getpid(), sig)
        except (OSError, ValueError):
            pass
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _kill_worker(pid):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def relay(pid, to_worker, from_worker):
    """Forwards the hello, then each request and its one reply; stops with the worker."""
    hello = _read_frame(from_worker)
    if not hello:
        _end_like(pid)
    try:
        first = json.loads(hello.decode("utf-8"))
    except Exception:  # noqa
        first = None
    if not isinstance(first, dict) or first.get("type") != "hello":
        _kill_worker(pid)
        _end_like(pid)
    _write_frame(S.rep_fd, hello)
    while True:
        request = _read_frame(S.req_fd)
        if not request:
            _write_frame(to_worker, b'{"type":"shutdown"}')
            os.close(to_worker)
            _end_like(pid)
        head = _CALL_HEAD.match(request)
        if head:
            # The id from the head; the worker parses the rest (and answers a malformed body
            # with this id, as it would have after the relay's own parse).
            msg = {"type": "call", "id": int(head.group(1))}
        else:
            try:
                msg = json.loads(request.decode("utf-8"))
            except Exception:  # noqa
                msg = None
        mid = msg.get("id") if isinstance(msg, dict) else None
        if not _write_frame(to_worker, request):
            _end_like(pid)
        if isinstance(msg, dict) and msg.get("type") == "shutdown":
            os.close(to_worker)
            _end_like(pid)
        reply = _read_frame(from_worker)
        if not reply:
            _end_like(pid)
        got = _reply_id(reply)
        if got != mid or isinstance(mid, bool):
            _kill_worker(pid)
            err = {"type": "error", "id": mid, "error": {
                "kind": "bad_result", "ending": True,
                "message": "the submission's process sent a reply with id %s to request %s (something wrote on the "
                           "adapter's channel); the process was stopped" % (json.dumps(got), json.dumps(mid))}}
            _write_frame(S.rep_fd, json.dumps(err).encode("utf-8"))
            _end_like(pid)
        if not _write_frame(S.rep_fd, reply):
            _kill_worker(pid)
            _end_like(pid)


def split_worker():
    """Forks the worker; returns in the worker (with its own pipes as S.req_fd / S.rep_fd)."""
    req_r, req_w = os.pipe()
    rep_r, rep_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        for fd in (S.req_fd, S.rep_fd, req_w, rep_r):
            os.close(fd)
        S.req_fd = fcntl.fcntl(req_r, fcntl.F_DUPFD_CLOEXEC, HIGH_FD)
        S.rep_fd = fcntl.fcntl(rep_w, fcntl.F_DUPFD_CLOEXEC, HIGH_FD)
        os.close(req_r)
        os.close(rep_w)
        return
    os.close(req_r)
    os.close(rep_w)
    for fd in (req_w, rep_r):
        fcntl.fcntl(fd, fcntl.F_SETFD, fcntl.FD_CLOEXEC)
    try:
        relay(pid, req_w, rep_r)
    finally:
        _kill_worker(pid)
        os._exit(1)


# ----------------------------------------------------------------------------- main

def main(argv):
    global np
    args = parse_args(argv)
    apply_sys_path(args.sys_path)
    setup_fds()
    split_worker()
    S.submission = os.path.realpath(args.submission)
    limits = parse_limits(args.limits)
    apply_limits(limits)
    if args.no_network:
        isolate_network()
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    # numpy is loaded before the privileges are dropped, and so are the modules student code
    # commonly imports when the privileges will be dropped: the interpreter may live where the
    # sandbox user cannot read (/root/.pyenv). Otherwise they are imported when student code
    # asks (preloading them costs about as much as numpy).
    try:
        import numpy
        np = numpy
        numpy_version = numpy.__version__
    except BaseException as e:  # noqa
        problem("numpy does not import: %s: %s" % (type(e).__name__, _exc_text(e)))
        numpy_version = "missing"
    if args.user and os.geteuid() == 0:
        preload()
        drop_privileges(args.user)
    apply_nproc(limits)
    S.compat = args.compat == "on"
    evidence, spans = {}, {}
    if np is not None:
        install_compat()
        try:
            load_submission()
        except BaseException as e:  # noqa
            problem("the submission could not be loaded: %s: %s" % (type(e).__name__, _exc_text(e)))
        compute_operations()
        for label, gather in (("evidence", gather_evidence), ("sources", source_spans)):
            try:
                if label == "evidence":
                    evidence = gather()
                else:
                    spans = gather()
            except BaseException as e:  # noqa
                problem("gathering the %s failed: %s: %s" % (label, type(e).__name__, _exc_text(e)))
    else:
        S.operations = []
        S.fatal = "numpy does not import in the sandbox (%s)" % "; ".join(p["reason"] for p in S.problems)
    hello = {
        "type": "hello", "protocol": PROTOCOL, "version": VERSION,
        "implementation": {"name": os.path.basename(S.submission.rstrip("/")) or "submission",
                           "language": "python %d.%d.%d, numpy %s" % (sys.version_info[:3] + (numpy_version,))},
        "operations": S.operations,
        "unavailable": S.unavailable,
        "problems": S.problems,
        "evidence": evidence,
        "sources": spans,
        "features": FEATURES,
    }
    if S.fatal:
        hello["fatal"] = S.fatal
    write_message(hello)
    serve()


if __name__ == "__main__":
    main(sys.argv[1:])
