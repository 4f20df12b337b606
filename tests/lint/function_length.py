#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Function-length gate: no function in include/, src/ or python/peakpath/ longer than 80 lines
without a comment saying why, and none longer than 120 lines whatever the comment.

A function counts from the first line of its definition (template header, decorators included) to
its closing brace (C++) or last statement (Python). The comment that allows 81-120 lines sits on
the line(s) just above the definition, with no blank line between, and contains the marker
``long:`` followed by the reason, e.g. ``// long: one table of the 24 indicators, kept together``.

C++ is read by a scanner that blanks comments, string, character and raw string literals and
preprocessor lines, then matches braces at namespace and class scope; lambdas and local classes
count as part of the function around them. Python is read with the ast module (functions, methods
and nested functions). A file the scanner cannot read (unbalanced braces) fails the gate.
"""
import argparse
import ast
import dataclasses
import os
import re
import subprocess
import sys

SOFT_LIMIT = 80
HARD_LIMIT = 120
MARKER = re.compile(r"\blong:\s*\S")

CPP_SUFFIXES = (".hpp", ".cpp", ".h", ".cc", ".hh", ".cxx", ".ipp")
CPP_DIRS = ("include", "src")
PYTHON_DIRS = (os.path.join("python", "peakpath"),)


class ScanError(Exception):
    """A file the scanner cannot read; the gate fails rather than guessing."""


@dataclasses.dataclass
class Function:
    """One function definition: where it is, how long, and whether a comment justifies it."""

    path: str
    name: str
    start: int  # first line of the definition, 1-based
    end: int  # last line (closing brace / last statement), 1-based
    justified: bool  # a `long:` comment sits just above it

    @property
    def length(self):
        return self.end - self.start + 1


# --- C++ -------------------------------------------------------------------------------------

_RAW_PREFIXES = {"R", "u8R", "uR", "UR", "LR"}


def _blank(chars, start, end):
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "


def mask_cpp(text):
    """Returns (code, comments): code is `text` with comments, literals' contents and
    preprocessor lines blanked (newlines kept, so line numbers hold); comments maps each line
    number to the comment text on it."""
    chars = list(text)
    comments = {}
    n = len(text)
    i = 0
    line = 1
    line_start = True  # only whitespace since the last newline

    def note(start_line, body):
        for offset, part in enumerate(body.split("\n")):
            comments[start_line + offset] = comments.get(start_line + offset, "") + part

    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            line_start = True
            i += 1
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if c == "#" and line_start:  # preprocessor directive, with its continuation lines
            j = i
            while j < n and not (text[j] == "\n" and text[j - 1] != "\\"):
                j += 1
            _blank(chars, i, j)
            line += text.count("\n", i, j)
            i = j
            continue
        line_start = False
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            note(line, text[i:j])
            _blank(chars, i, j)
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            if j < 0:
                raise ScanError(f"line {line}: unterminated /* comment")
            j += 2
            note(line, text[i:j])
            _blank(chars, i, j)
            line += text.count("\n", i, j)
            i = j
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                if text[j] == "\n":
                    raise ScanError(f"line {line}: unterminated {c} literal")
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ScanError(f"line {line}: unterminated {c} literal")
            _blank(chars, i + 1, j)
            i = j + 1
        elif c.isalpha() or c == "_":
            j = i
            while j < n and (text[j].isalnum() or text[j] == "_"):
                j += 1
            if j < n and text[j] == '"' and text[i:j] in _RAW_PREFIXES:
                open_paren = text.find("(", j)
                if open_paren < 0:
                    raise ScanError(f"line {line}: malformed raw string")
                close = text.find(")" + text[j + 1 : open_paren] + '"', open_paren)
                if close < 0:
                    raise ScanError(f"line {line}: unterminated raw string")
                end = close + open_paren - j + 1  # past the closing quote
                _blank(chars, j + 1, end - 1)
                line += text.count("\n", j, end)
                j = end
            i = j  # an encoding prefix (u8, L, ...) leaves the quote for the next round
        elif c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
            j = i + 1  # a pp-number; a quote inside is a digit separator (1'000), not a char
            while j < n and (text[j].isalnum() or text[j] in "_.'"):
                j += 1
            i = j
        else:
            i += 1
    return "".join(chars), comments


_TOKEN = re.compile(r"[A-Za-z_]\w*|\.?\d[\w.']*|::|->|\S")
_CLASS_KEYS = {"class", "struct", "union"}
_NOT_A_NAME = {
    "decltype",
    "alignas",
    "__attribute__",
    "noexcept",
    "sizeof",
    "alignof",
    "__declspec",
    "static_assert",
    "requires",
    "throw",
}
_ACCESS = {"public", "private", "protected"}
_OPEN = {"(": ")", "[": "]", "{": "}"}


def _tokens(code):
    out = []
    line = 1
    pos = 0
    for m in _TOKEN.finditer(code):
        line += code.count("\n", pos, m.start())
        pos = m.start()
        out.append((m.group(), line))
    return out


def _skip_group(toks, i, path):
    """Index just past the group opened at toks[i] ((, [ or {), across nested groups."""
    stack = [_OPEN[toks[i][0]]]
    j = i + 1
    while j < len(toks):
        t = toks[j][0]
        if t in _OPEN:
            stack.append(_OPEN[t])
        elif t in (")", "]", "}"):
            if t != stack[-1]:
                raise ScanError(f"{path}:{toks[j][1]}: '{t}' closes '{stack[-1]}'")
            stack.pop()
            if not stack:
                return j + 1
        j += 1
    raise ScanError(f"{path}:{toks[i][1]}: '{toks[i][0]}' is never closed")


def _strip_prefix(head):
    """Drops leading template <...> clauses and [[attributes]] from a declaration head."""
    k = 0
    while k < len(head):
        if head[k] == "template" and k + 1 < len(head) and head[k + 1] == "<":
            angle, parens, k = 0, 0, k + 1
            while k < len(head):  # a '>' inside parentheses is a comparison
                parens += {"(": 1, ")": -1}.get(head[k], 0)
                if parens == 0:
                    angle += {"<": 1, ">": -1}.get(head[k], 0)
                k += 1
                if angle == 0:
                    break
        elif head[k] == "[" and k + 1 < len(head) and head[k + 1] == "[":
            while k < len(head) and not (head[k] == "]" and head[k - 1] == "]"):
                k += 1
            k += 1
        else:
            break
    return head[k:]


def _is_name(token):
    return token[0].isalnum() or token[0] == "_"


def _top_level(head):
    """Yields (index, token) for the tokens of `head` outside any (), [], {} or <> group."""
    depth = 0
    angle = 0
    k = 0
    while k < len(head):
        t = head[k]
        if t == "operator":  # operator<, operator(), operator[] ...: one name, not groups
            yield k, t
            k += 1
            if k + 1 < len(head) and head[k] in "([" and head[k + 1] in ")]":
                k += 2
            while k < len(head) and head[k] != "(":
                k += 1
            continue
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
        elif depth == 0 and t == "<" and k > 0 and _is_name(head[k - 1]):
            angle += 1
        elif depth == 0 and t == ">" and angle > 0:
            angle -= 1
        elif depth == 0 and angle == 0:
            yield k, t
        k += 1


def _param_paren(head):
    """Index of the '(' that opens the parameter list, or None."""
    depth = 0
    angle = 0
    for k, t in enumerate(head):
        if t == "operator" and depth == 0 and angle == 0:
            # operator() takes the paren after "()"; the others the first '(' after the symbol
            j = k + 1
            if j + 1 < len(head) and head[j] == "(" and head[j + 1] == ")":
                j += 2
            while j < len(head) and head[j] != "(":
                j += 1
            return j if j < len(head) else None
        if t in "([{":
            if (
                t == "("
                and depth == 0
                and angle == 0
                and k > 0
                and head[k - 1] not in _NOT_A_NAME
                and (_is_name(head[k - 1]) or head[k - 1] in (">", "~"))
            ):
                return k
            depth += 1
        elif t in ")]}":
            depth -= 1
        elif t == "<" and depth == 0 and k > 0 and _is_name(head[k - 1]):
            angle += 1
        elif t == ">" and depth == 0 and angle > 0:
            angle -= 1
    return None


def _name_before(head, k):
    """The (qualified) name that ends just before head[k]."""
    parts = []
    j = k - 1
    if "operator" in head[:k]:
        j = max(idx for idx in range(k) if head[idx] == "operator")
        parts = head[j:k]
        j -= 1
    while j >= 0:
        t = head[j]
        if t == ">":  # template arguments of a specialisation: f<int>(...)
            depth = 0
            while j >= 0:
                depth += {">": 1, "<": -1}.get(head[j], 0)
                j -= 1
                if depth == 0:
                    break
            continue
        if t[0].isalpha() or t[0] == "_" or t in ("::", "~"):
            if parts and parts[0] not in ("::", "~") and t not in ("::", "~"):
                break  # two names in a row: the first is the return type
            parts.insert(0, t)
            j -= 1
            continue
        break
    return "".join(parts) or "?"


def _classify(head):
    """What a '{' after the declaration head (its tokens) opens, and the function's name:
    'namespace' (also extern "C"), 'class', 'function', 'member-init' (a braced initializer in
    a constructor's initializer list) or 'data' (any other initializer, an enum body)."""
    head = _strip_prefix(head)
    if not head:
        return "data", None
    if head[0] == "namespace" or head[:2] == ["inline", "namespace"]:
        return "namespace", None
    if head[0] == "extern" and len(head) > 1 and head[1] == '"':
        return "namespace", None
    top = list(_top_level(head))
    top_tokens = [t for _, t in top]
    paren = _param_paren(head)
    if "enum" in top_tokens:
        return "data", None
    if paren is None and any(t in _CLASS_KEYS for t in top_tokens):
        return "class", None
    for k, t in top:
        if t == "=" and (paren is None or k < paren):
            if k + 1 < len(head) and head[k + 1] == "[":
                return "function", _name_before(head, k) + " (lambda)"
            return "data", None
    if paren is None:
        return "data", None
    name = _name_before(head, paren)
    after = [t for k, t in top if k > paren]
    if ":" in after:  # a constructor's initializer list: the body follows a ')' or a '}'
        return ("function" if head[-1] in (")", "}") else "member-init"), name
    return "function", name


def _justified(start, comments, code_lines):
    """True when the comment block just above line `start` carries the `long:` marker."""
    line = start - 1
    while line >= 1 and line in comments and not code_lines[line - 1].strip():
        if MARKER.search(comments[line]):
            return True
        line -= 1
    return False


def cpp_functions(text, path="<string>"):
    """The function definitions at namespace and class scope of one C++ source text."""
    code, comments = mask_cpp(text)
    code_lines = code.split("\n")
    toks = _tokens(code)
    found = []

    def scan(i, nested):
        decl = i
        while i < len(toks):
            t = toks[i][0]
            if t == "}":
                if not nested:
                    raise ScanError(f"{path}:{toks[i][1]}: '}}' without an opening brace")
                return i + 1
            if t in ("(", "["):
                i = _skip_group(toks, i, path)
                continue
            if t == ";":
                i += 1
                decl = i
                continue
            if t == ":" and i == decl + 1 and toks[decl][0] in _ACCESS:
                i += 1
                decl = i
                continue
            if t != "{":
                i += 1
                continue
            kind, name = _classify([tok for tok, _ in toks[decl:i]])
            if kind in ("namespace", "class"):
                i = scan(i + 1, True)
                if kind == "namespace":  # a class's declaration runs on to its ';'
                    decl = i
                continue
            end = _skip_group(toks, i, path)
            if kind == "function":
                start = toks[decl][1]
                last = toks[end - 1][1]
                found.append(
                    Function(path, name, start, last, _justified(start, comments, code_lines))
                )
                decl = end
            i = end
        if nested:
            raise ScanError(f"{path}: a scope is never closed")
        return i

    scan(0, False)
    return found


# --- Python ----------------------------------------------------------------------------------


def python_functions(text, path="<string>"):
    """Every function, method and nested function of one Python source text."""
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as error:
        raise ScanError(f"{path}:{error.lineno}: {error.msg}") from error
    lines = text.split("\n")
    found = []

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                start = min([child.lineno] + [d.lineno for d in child.decorator_list])
                line = start - 1
                justified = False
                while line >= 1 and lines[line - 1].lstrip().startswith("#"):
                    if MARKER.search(lines[line - 1]):
                        justified = True
                        break
                    line -= 1
                found.append(
                    Function(path, prefix + child.name, start, child.end_lineno, justified)
                )
                visit(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


# --- the gate --------------------------------------------------------------------------------


def default_files(root):
    """Tracked C++ files under include/ and src/ and Python files under python/peakpath/ (all
    such files when `root` is not a git checkout)."""
    dirs = CPP_DIRS + PYTHON_DIRS
    try:
        listed = subprocess.run(
            ["git", "-C", root, "ls-files", "--", *dirs], check=True, capture_output=True, text=True
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        listed = []
        for top in dirs:
            for folder, _, names in os.walk(os.path.join(root, top)):
                listed += [os.path.relpath(os.path.join(folder, n), root) for n in names]
    return sorted(
        f
        for f in listed
        if (f.endswith(CPP_SUFFIXES) and f.split("/")[0] in CPP_DIRS)
        or (f.endswith(".py") and f.startswith(PYTHON_DIRS[0].replace(os.sep, "/") + "/"))
    )


def functions_of(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if path.endswith(".py"):
        return python_functions(text, path)
    return cpp_functions(text, path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="files to check (default: the tracked sources)")
    parser.add_argument("--root", default=".", help="repository root (default: .)")
    parser.add_argument("--soft", type=int, default=SOFT_LIMIT)
    parser.add_argument("--hard", type=int, default=HARD_LIMIT)
    parser.add_argument("--top", type=int, default=0, help="also list the N longest functions")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    files = args.files or [os.path.join(root, f) for f in default_files(root)]
    if not files:
        print("function_length: no files to check", file=sys.stderr)
        return 2
    functions = []
    failed = False
    for path in files:
        try:
            functions += functions_of(path)
        except (ScanError, OSError, UnicodeDecodeError) as error:
            print(f"{os.path.relpath(path, root)}: cannot be scanned: {error}")
            failed = True
    functions.sort(key=lambda f: -f.length)
    for f in functions:
        where = f"{os.path.relpath(f.path, root)}:{f.start}: {f.name} is {f.length} lines"
        if f.length > args.hard:
            print(f"{where} (more than {args.hard}, comment or not)")
            failed = True
        elif f.length > args.soft and not f.justified:
            print(f"{where} (more than {args.soft} without a 'long:' comment above it)")
            failed = True
        elif f.length > args.soft:
            print(f"{where} (allowed: 'long:' comment)")
    if args.top:
        print(f"the {args.top} longest of {len(functions)} functions in {len(files)} files:")
        for f in functions[: args.top]:
            print(f"  {f.length:5d}  {os.path.relpath(f.path, root)}:{f.start}  {f.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
