"""argparse: command-line parsing for minipy, a compact subset of CPython's argparse.

ArgumentParser keeps its actions (optionals by option string, positionals in order). parse_args
reads the optionals wherever they appear, collects the rest, hands them to the positionals by
their nargs (each keeping at least the minimum the later ones need), and at a subparsers
positional gives the remaining strings to the chosen sub-parser. Help and usage follow CPython's
HelpFormatter layout for an 80-column terminal (help column at most 24); errors print the usage
and `prog: error: ...` on stderr and exit with status 2.
"""

import sys

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "Namespace", "Action",
           "FileType", "HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
           "ArgumentDefaultsHelpFormatter", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER",
           "SUPPRESS", "ZERO_OR_MORE", "BooleanOptionalAction"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."

_WIDTH = 78
_MAX_HELP_POSITION = 24


class Namespace(object):
    """Simple object for storing attributes; repr lists them in the order they were set."""

    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __repr__(self):
        items = list(self.__dict__.items())
        return "Namespace(%s)" % ", ".join("%s=%r" % (k, v) for k, v in items)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _action_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    if action.choices:
        return "{" + ",".join(action.choices) + "}"
    return None


class Action(object):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __repr__(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices",
                 "required", "help", "metavar"]
        return "%s(%s)" % (type(self).__name__,
                           ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class _StoreAction(Action):
    def __init__(self, option_strings, dest, nargs=None, **kw):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you have nothing to "
                             "store, actions such as store true or store const may be more "
                             "appropriate")
        Action.__init__(self, option_strings, dest, nargs=nargs, **kw)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        Action.__init__(self, option_strings, dest, nargs=0, const=const, default=default,
                        required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, const=True, default=default,
                                   required=required, help=help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, const=False, default=default,
                                   required=required, help=help)


class _AppendAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        Action.__init__(self, option_strings, dest, nargs=0, const=const, default=default,
                        required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = getattr(namespace, self.dest, None)
        items = [] if items is None else list(items)
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        Action.__init__(self, option_strings, dest, nargs=0, default=default,
                        required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        Action.__init__(self, option_strings, dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        Action.__init__(self, option_strings, dest, default=default, nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        sys.stdout.write(self.version.replace("%(prog)s", parser.prog) + "\n")
        parser.exit()


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        _option_strings = []
        for option_string in option_strings:
            _option_strings.append(option_string)
            if option_string.startswith("--"):
                _option_strings.append("--no-" + option_string[2:])
        Action.__init__(self, _option_strings, dest, nargs=0, default=default,
                        required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))


class _SubParsersAction(Action):
    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS, required=False,
                 help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        Action.__init__(self, option_strings, dest, nargs=PARSER, choices=self._name_parser_map,
                        required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        help = kwargs.pop("help", None)
        aliases = kwargs.pop("aliases", ())
        if help is not None:
            self._choices_actions.append(Action([], name, help=help, metavar=name))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def __call__(self, parser, namespace, values, option_string=None):
        parser_name = values[0]
        arg_strings = values[1:]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, parser_name)
        try:
            subparser = self._name_parser_map[parser_name]
        except KeyError:
            msg = "unknown parser %r (choices: %s)" % (parser_name,
                                                       ", ".join(self._name_parser_map))
            raise ArgumentError(self, msg)
        subnamespace, arg_strings = subparser.parse_known_args(arg_strings, None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if arg_strings:
            namespace.__dict__.setdefault("_UNRECOGNIZED_ARGS_ATTR", [])
            namespace._UNRECOGNIZED_ARGS_ATTR.extend(arg_strings)


_ACTIONS = {None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
            "store_true": _StoreTrueAction, "store_false": _StoreFalseAction,
            "append": _AppendAction, "append_const": _AppendConstAction, "count": _CountAction,
            "help": _HelpAction, "version": _VersionAction, "parsers": _SubParsersAction}


class HelpFormatter(object):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog = prog


RawDescriptionHelpFormatter = HelpFormatter
RawTextHelpFormatter = HelpFormatter
ArgumentDefaultsHelpFormatter = HelpFormatter


class FileType(object):
    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        if string == "-":
            return sys.stdin if "r" in self._mode else sys.stdout
        raise ArgumentTypeError("can't open '%s': minipy has no file I/O" % string)


def _wrap(text, width):
    words = text.split()
    lines = []
    line = ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = w if not line else line + " " + w
    if line:
        lines.append(line)
    return lines


class _ArgumentGroup(object):
    def __init__(self, parser, title=None, description=None):
        self._parser = parser
        self.title = title
        self.description = description
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, _group=self, **kwargs)
        return action


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, parser, required=False):
        _ArgumentGroup.__init__(self, parser)
        self.required = required

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        self._group_actions.append(action)
        return action


class ArgumentParser(object):
    """Object for parsing command line strings into Python objects."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        if prog is None:
            argv0 = sys.argv[0] if getattr(sys, "argv", None) else ""
            prog = argv0.replace("\\", "/").split("/")[-1]
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._option_string_actions = {}
        self._defaults = {}
        self._positionals = _ArgumentGroup(self, "positional arguments")
        self._optionals = _ArgumentGroup(self, "options")
        self._action_groups = [self._positionals, self._optionals]
        self._mutex_groups = []
        self._subparsers = None
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if isinstance(action, _HelpAction):
                    continue
                self._add_action(action, None)
            self._defaults.update(parent._defaults)

    # ---- building ----------------------------------------------------------------------------

    def add_argument(self, *args, _group=None, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0] and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE, REMAINDER, SUPPRESS):
                kwargs["required"] = True
            if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True
            option_strings = []
        else:
            option_strings = list(args)
            long_opts = [o for o in args if len(o) > 1 and o[1] in chars]
            for o in args:
                if not o or o[0] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r"
                                     % (o, chars))
            dest = kwargs.pop("dest", None)
            if dest is None:
                first = long_opts[0] if long_opts else option_strings[0]
                dest = first.lstrip(chars).replace("-", "_")
        if "default" not in kwargs:
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_name = kwargs.pop("action", None)
        action_class = _ACTIONS.get(action_name, action_name) if isinstance(action_name, str) \
            or action_name is None else action_name
        if isinstance(action_class, str):
            raise ValueError("unknown action %r" % (action_class,))
        if not callable(action_class):
            raise ValueError("unknown action %r" % (action_class,))
        type_func = kwargs.get("type")
        if type_func is not None and not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        action = action_class(option_strings=option_strings, dest=dest, **kwargs)
        self._add_action(action, _group)
        return action

    def _add_action(self, action, group):
        for o in action.option_strings:
            if o in self._option_string_actions:
                raise ArgumentError(action, "conflicting option string: %s" % o)
        for o in action.option_strings:
            self._option_string_actions[o] = action
        self._actions.append(action)
        if group is None or group in (self._positionals, self._optionals):
            group = self._optionals if action.option_strings else self._positionals
        group._group_actions.append(action)
        return action

    def add_argument_group(self, title=None, description=None):
        group = _ArgumentGroup(self, title, description)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _MutuallyExclusiveGroup(self, required)
        self._mutex_groups.append(group)
        return group

    def add_subparsers(self, title=None, description=None, prog=None, dest=SUPPRESS,
                       required=False, help=None, metavar=None, parser_class=None):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        if prog is None:
            prog = " ".join([self.prog] + [self._metavar_usage(a) for a in self._actions
                                           if not a.option_strings])
        if title or description:
            group = self.add_argument_group(title or "subcommands", description)
        else:
            group = self._positionals
        action = _SubParsersAction([], prog, parser_class or type(self), dest=dest,
                                   required=required, help=help, metavar=metavar)
        self._add_action(action, group)
        self._subparsers = action
        return action

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ---- parsing -----------------------------------------------------------------------------

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = list(sys.argv[1:])
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])
        try:
            namespace, args = self._parse_known_args(args, namespace)
        except ArgumentError as err:
            if self.exit_on_error:
                self.error(str(err))
            raise
        if "_UNRECOGNIZED_ARGS_ATTR" in namespace.__dict__:
            args.extend(namespace._UNRECOGNIZED_ARGS_ATTR)
            del namespace._UNRECOGNIZED_ARGS_ATTR
        return namespace, args

    def _is_option(self, s):
        if not s or s[0] not in self.prefix_chars or s == "-":
            return False
        if s in self._option_string_actions:
            return True
        if _looks_negative(s) and not any(_looks_negative(o) for o in self._option_string_actions):
            return False
        return True

    def _find_option(self, s):
        """(action, option_string, explicit_arg) for an option token, or None."""
        if s in self._option_string_actions:
            return self._option_string_actions[s], s, None
        if "=" in s:
            opt, arg = s.split("=", 1)
            if opt in self._option_string_actions:
                return self._option_string_actions[opt], opt, arg
        if len(s) > 2 and s[1] not in self.prefix_chars:
            opt = s[:2]
            if opt in self._option_string_actions:
                return self._option_string_actions[opt], opt, s[2:]
        if self.allow_abbrev and s.startswith("--"):
            key = s.split("=", 1)[0]
            matches = [o for o in self._option_string_actions if o.startswith(key)]
            if len(matches) == 1:
                arg = s.split("=", 1)[1] if "=" in s else None
                return self._option_string_actions[matches[0]], matches[0], arg
            if len(matches) > 1:
                raise ArgumentError(None, "ambiguous option: %s could match %s"
                                    % (key, ", ".join(matches)))
        return None

    def _parse_known_args(self, arg_strings, namespace):
        extras = []
        positional_strings = []
        seen = set()
        i = 0
        n = len(arg_strings)
        sub_index = None
        while i < n:
            s = arg_strings[i]
            if s == "--":
                positional_strings.extend(arg_strings[i + 1:])
                break
            if self._subparsers is not None and not self._is_option(s) and \
                    self._positionals_filled(positional_strings + [s]):
                positional_strings.append(s)
                sub_index = len(positional_strings) - 1
                positional_strings.extend(arg_strings[i + 1:])
                break
            if not self._is_option(s):
                positional_strings.append(s)
                i += 1
                continue
            found = self._find_option(s)
            if found is None:
                extras.append(s)
                i += 1
                continue
            action, opt, explicit = found
            i += 1
            if action.nargs == 0:
                if explicit is not None:
                    if len(opt) == 2 and opt[1] not in self.prefix_chars and explicit and \
                            not s.startswith(opt + "="):
                        # combined short flags: -vx
                        self._take(action, namespace, [], opt)
                        seen.add(action)
                        arg_strings = arg_strings[:i] + ["-" + explicit] + arg_strings[i:]
                        n += 1
                        continue
                    raise ArgumentError(action, "ignored explicit argument %r" % explicit)
                self._take(action, namespace, [], opt)
                seen.add(action)
                continue
            if explicit is not None:
                values = [explicit]
            else:
                values = []
                lo, hi = _nargs_range(action.nargs)
                while i < n and len(values) < hi and not self._is_option(arg_strings[i]) \
                        and arg_strings[i] != "--":
                    values.append(arg_strings[i])
                    i += 1
                if len(values) < lo:
                    raise ArgumentError(action, _nargs_error(action.nargs))
            self._take(action, namespace, values, opt)
            seen.add(action)
        positionals = [a for a in self._actions if not a.option_strings]
        self._assign_positionals(positionals, positional_strings, namespace, seen, extras,
                                 sub_index)
        required = [a for a in self._actions if a.required and a not in seen]
        if required:
            raise ArgumentError(None, "the following arguments are required: %s"
                                % ", ".join(_action_name(a) for a in required))
        for group in self._mutex_groups:
            used = [a for a in group._group_actions if a in seen]
            if len(used) > 1:
                raise ArgumentError(used[1], "not allowed with argument %s"
                                    % _action_name(used[0]))
            if group.required and not used:
                names = [_action_name(a) for a in group._group_actions if a.help is not SUPPRESS]
                raise ArgumentError(None, "one of the arguments %s is required" % " ".join(names))
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and \
                    action.type is not None and getattr(namespace, action.dest, None) is action.default:
                setattr(namespace, action.dest, self._convert(action, action.default))
        return namespace, extras

    def _positionals_filled(self, strings):
        """True when `strings` reaches the subparsers positional."""
        count = 0
        for a in self._actions:
            if a.option_strings:
                continue
            if a is self._subparsers:
                return len(strings) == count + 1
            lo, hi = _nargs_range(a.nargs)
            count += lo if hi > 10 ** 6 else hi if hi == lo else lo
        return False

    def _assign_positionals(self, positionals, strings, namespace, seen, extras, sub_index):
        idx = 0
        for k, action in enumerate(positionals):
            if action.nargs == PARSER:
                if idx < len(strings):
                    self._take(action, namespace, strings[idx:], None)
                    seen.add(action)
                    idx = len(strings)
                continue
            lo, hi = _nargs_range(action.nargs)
            need_after = sum(_nargs_range(a.nargs)[0] for a in positionals[k + 1:]
                             if a.nargs != PARSER) + \
                (1 if any(a.nargs == PARSER for a in positionals[k + 1:]) else 0)
            avail = len(strings) - idx - need_after
            take = max(0, min(hi, avail))
            if take < lo:
                if idx >= len(strings):
                    continue
                raise ArgumentError(action, _nargs_error(action.nargs))
            values = strings[idx:idx + take]
            idx += take
            if action.nargs in (OPTIONAL, ZERO_OR_MORE) and not values:
                if not strings and action.required:
                    continue  # CPython reports a required '*' when no positional was given
                if action.nargs == OPTIONAL:
                    value = action.default
                    if isinstance(value, str) and action.type is not None:
                        value = self._convert(action, value)
                    setattr(namespace, action.dest, value)
                else:
                    setattr(namespace, action.dest,
                            action.default if action.default is not None else [])
                seen.add(action)
                continue
            self._take(action, namespace, values, None)
            seen.add(action)
        extras.extend(strings[idx:])

    def _convert(self, action, s):
        type_func = action.type
        if type_func is None:
            return s
        try:
            return type_func(s)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, s))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

    def _take(self, action, namespace, values, option_string):
        if action.nargs == 0:
            action(self, namespace, None, option_string)
            return
        if action.nargs == PARSER:
            self._check_choice(action, values[0])
            action(self, namespace, values, option_string)
            return
        converted = [self._convert(action, v) for v in values]
        for v in converted:
            self._check_choice(action, v)
        if action.nargs is None:
            value = converted[0]
        elif action.nargs == OPTIONAL:
            value = converted[0] if converted else action.const
        else:
            value = converted
        action(self, namespace, value, option_string)

    # ---- help --------------------------------------------------------------------------------

    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return "{" + ",".join(map(str, action.choices)) + "}"
        if action.option_strings:
            return action.dest.upper()
        return action.dest

    def _format_args(self, action, metavar):
        nargs = action.nargs
        if nargs is None:
            return metavar
        if nargs == OPTIONAL:
            return "[%s]" % metavar
        if nargs == ZERO_OR_MORE:
            return "[%s ...]" % metavar
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % (metavar, metavar)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % metavar
        if nargs == SUPPRESS:
            return ""
        return " ".join([metavar] * nargs)

    def _metavar_usage(self, action):
        return self._format_args(action, self._metavar(action))

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action)
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action, self._metavar(action))
        return ", ".join("%s %s" % (o, args) for o in action.option_strings)

    def format_usage(self):
        return self._usage_text() + "\n"

    def _usage_text(self):
        if self.usage is not None:
            return "usage: " + self.usage.replace("%(prog)s", self.prog)
        parts = []
        done = set()
        for action in self._actions:
            if action.help is SUPPRESS or not action.option_strings or action in done:
                continue
            group = next((g for g in self._mutex_groups if action in g._group_actions), None)
            members = [action] if group is None else \
                [a for a in group._group_actions if a.help is not SUPPRESS]
            texts = []
            for a in members:
                done.add(a)
                o = a.option_strings[0]
                texts.append(o if a.nargs == 0 else "%s %s" % (o, self._metavar_usage(a)))
            if group is None:
                parts.append(texts[0] if action.required else "[%s]" % texts[0])
            elif group.required:
                parts.append("(%s)" % " | ".join(texts))
            else:
                parts.append("[%s]" % " | ".join(texts))
        pos_parts = []
        for action in self._actions:
            if action.option_strings or action.help is SUPPRESS:
                continue
            pos_parts.append(self._metavar_usage(action))
        text = "usage: " + " ".join([self.prog] + parts + pos_parts)
        if len(text) > _WIDTH:
            # as CPython: optionals wrapped after the program name, positionals on their own lines
            indent = " " * len("usage: %s " % self.prog)

            def get_lines(items, first=None):
                lines = []
                line = [] if first is None else [first]
                line_len = len(first) if first is not None else len(indent) - 1
                for part in items:
                    if line and line_len + 1 + len(part) > _WIDTH:
                        lines.append(" ".join(line))
                        line = []
                        line_len = len(indent) - 1
                    line.append(part)
                    line_len += len(part) + 1
                if line:
                    lines.append(" ".join(line))
                return [lines[0]] + [indent + l for l in lines[1:]] if first is not None \
                    else [indent + l for l in lines]
            if parts:
                lines = get_lines(parts, "usage: " + self.prog)
                lines.extend(get_lines(pos_parts))
            else:
                lines = get_lines(pos_parts, "usage: " + self.prog)
            text = "\n".join(lines)
        return text

    def format_help(self):
        out = [self._usage_text() + "\n"]
        if self.description:
            out.append("\n" + "\n".join(_wrap(self.description, _WIDTH)) + "\n")
        entries = []
        for group in self._action_groups:
            for action in group._group_actions:
                if action.help is SUPPRESS:
                    continue
                entries.append(len(self._invocation(action)) + 2)
                if isinstance(action, _SubParsersAction):
                    for ca in action._choices_actions:
                        entries.append(len(ca.metavar) + 4)
        max_len = max(entries) if entries else 0
        help_pos = min(max_len + 2, _MAX_HELP_POSITION)
        for group in self._action_groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions:
                continue
            out.append("\n%s:\n" % group.title)
            if group.description:
                out.append("  %s\n\n" % group.description)
            for action in actions:
                out.append(self._format_action(action, self._invocation(action), 2, help_pos))
                if isinstance(action, _SubParsersAction):
                    for ca in action._choices_actions:
                        out.append(self._format_action(ca, ca.metavar, 4, help_pos))
        if self.epilog:
            out.append("\n" + "\n".join(_wrap(self.epilog, _WIDTH)) + "\n")
        return "".join(out)

    def _format_action(self, action, header, indent, help_pos):
        help_text = action.help
        if help_text is not None and "%(" in help_text:
            params = dict(vars(action), prog=self.prog)
            if params.get("choices") is not None:
                params["choices"] = ", ".join(map(str, params["choices"]))
            help_text = help_text % params
        action_width = help_pos - indent - 2
        if not help_text:
            return "%s%s\n" % (" " * indent, header)
        lines = _wrap(help_text, _WIDTH - help_pos)
        if len(header) <= action_width:
            first = "%s%-*s  %s\n" % (" " * indent, action_width, header, lines[0])
        else:
            first = "%s%s\n%s%s\n" % (" " * indent, header, " " * help_pos, lines[0])
        rest = "".join("%s%s\n" % (" " * help_pos, l) for l in lines[1:])
        return first + rest

    def print_usage(self, file=None):
        (file or sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            sys.stderr.write(message)
        sys.exit(status)

    def error(self, message):
        """Print the usage and `prog: error: message` to stderr and exit with status 2."""
        sys.stderr.write(self.format_usage())
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _looks_negative(s):
    try:
        float(s)
        return s.startswith("-")
    except ValueError:
        return False


def _nargs_range(nargs):
    if nargs is None:
        return 1, 1
    if nargs == OPTIONAL:
        return 0, 1
    if nargs == ZERO_OR_MORE:
        return 0, 10 ** 9
    if nargs == ONE_OR_MORE:
        return 1, 10 ** 9
    if nargs in (REMAINDER, PARSER):
        return 0, 10 ** 9
    return nargs, nargs


def _nargs_error(nargs):
    if nargs is None:
        return "expected one argument"
    if nargs == OPTIONAL:
        return "expected at most one argument"
    if nargs == ONE_OR_MORE:
        return "expected at least one argument"
    return "expected %s argument%s" % (nargs, "s" if nargs != 1 else "")
