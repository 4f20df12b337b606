"""The function-length gate's scanner (tests/lint/function_length.py) on small C++ and Python
snippets, so that the gate cannot pass by misreading a file."""

import importlib.util
import os
import textwrap

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
_SPEC = importlib.util.spec_from_file_location(
    "function_length", os.path.join(ROOT, "tests", "lint", "function_length.py")
)
fl = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fl)


def cpp(source):
    """(name, first line, last line, justified) of each C++ function found."""
    found = fl.cpp_functions(textwrap.dedent(source).lstrip("\n"))
    return [(f.name, f.start, f.end, f.justified) for f in found]


def python(source):
    found = fl.python_functions(textwrap.dedent(source).lstrip("\n"))
    return [(f.name, f.start, f.end, f.justified) for f in found]


def body(lines):
    """A C++ function body of `lines` statements."""
    return "".join(f"  x += {k};\n" for k in range(lines))


def test_free_functions_in_namespaces_and_one_liners():
    assert (
        cpp(
            """
        namespace a {
        namespace b::c {
        int one() { return 1; }
        inline int two(int x,
                       int y) {
          return x + y;
        }
        }  // namespace b::c
        }  // namespace a
        int three();
        """
        )
        == [("one", 3, 3, False), ("two", 4, 7, False)]
    )


def test_braces_in_strings_chars_comments_and_raw_strings_are_ignored():
    assert (
        cpp(
            r"""
        // a comment with { an open brace
        /* and a block comment } with a close one
           over two lines { */
        const char* f() {
          const char* s = "}{\"}";
          char c = '{';
          char d = '\'';
          const char* raw = R"x(}"{)"})x";
          const char* wide = u8"}";
          long n = 1'000;  // a digit separator, not a char literal: '}'
          return s;
        }
        int g() { return '}'; }
        """
        )
        == [("f", 4, 12, False), ("g", 13, 13, False)]
    )


def test_preprocessor_lines_are_ignored():
    assert (
        cpp(
            """
        #define OPEN {
        #define CLOSE \\
          }
        int f() { return 0; }
        """
        )
        == [("f", 4, 4, False)]
    )


def test_member_functions_nested_classes_and_qualified_definitions():
    assert (
        cpp(
            """
        class Outer : public Base<int> {
         public:
          struct Inner {
            int get() const { return 1; }
          };
          Outer() = default;
          explicit Outer(int v)
              : v_{v}, w_(v), base_{Inner{}} {
            v_ += 1;
          }
          bool operator==(const Outer& o) const { return v_ == o.v_; }
          int operator()(int a) { return a; }

         private:
          int v_{0};
          std::function<void(int)> cb_{};
        };
        int Outer::value() const noexcept {
          return v_;
        }
        """
        )
        == [
            ("get", 4, 4, False),
            ("Outer", 7, 10, False),
            ("operator==", 11, 11, False),
            ("operator()", 12, 12, False),
            ("Outer::value", 18, 20, False),
        ]
    )


def test_templates_lambdas_and_initializers():
    assert (
        cpp(
            """
        template <class T, class = std::enable_if_t<(sizeof(T) > 1)>>
        auto twice(T x) -> decltype(x + x) {
          auto add = [&](int y) { return y + 1; };
          return x + x;
        }
        inline const std::vector<int> kList = {1, 2, 3};
        constexpr std::array<int, 2> kArray{4, 5};
        enum class Colour { red, green };
        struct Point { double x, y; } origin{0.0, 0.0};
        inline const auto kSquare = [](int v) {
          return v * v;
        };
        template <>
        int twice<int>(int x) { return 2 * x; }
        """
        )
        == [
            ("twice", 1, 5, False),
            ("kSquare (lambda)", 10, 12, False),
            ("twice", 13, 14, False),
        ]
    )


def test_a_comparison_in_template_parameters_does_not_end_them():
    assert (
        cpp(
            """
        template <bool B = (1 > 0)>
        struct Flag {
          bool get() const { return B; }
        };
        """
        )
        == [("get", 3, 3, False)]
    )


def test_extern_c_and_macro_style_definitions():
    assert (
        cpp(
            """
        extern "C" {
        int c_api(void) { return 0; }
        }
        TEST(Suite, Name) {
          EXPECT_EQ(1, 1);
        }
        """
        )
        == [("c_api", 2, 2, False), ("TEST", 4, 6, False)]
    )


def test_the_long_marker_must_sit_just_above():
    source = f"""
    /// Does one thing.
    // long: the whole table, kept together for reading
    void marked() {{
    {body(3)}}}

    // long: a blank line separates this comment from the function

    void unmarked() {{
    {body(3)}}}
    // long:
    void empty_reason() {{}}
    """
    found = cpp(source)
    assert [(name, ok) for name, _, _, ok in found] == [
        ("marked", True),
        ("unmarked", False),
        ("empty_reason", False),
    ]


def test_unbalanced_braces_are_an_error_not_a_pass():
    with pytest.raises(fl.ScanError, match="never closed"):
        fl.cpp_functions("void f() {\n  if (x) {\n}\n", "broken.cpp")
    with pytest.raises(fl.ScanError, match="without an opening brace"):
        fl.cpp_functions("}\n", "broken.cpp")
    with pytest.raises(fl.ScanError, match="unterminated"):
        fl.cpp_functions('const char* s = "abc;\n', "broken.cpp")


def test_python_functions_methods_nested_and_decorated():
    assert (
        python(
            """
        import functools


        # long: a reason
        @functools.lru_cache
        def cached(x):
            return x


        class Box:
            def method(self):
                def inner():
                    return 1

                return inner()

            async def later(self):
                pass
        """
        )
        == [
            ("cached", 5, 7, True),
            ("Box.method", 11, 15, False),
            ("Box.method.inner", 12, 13, False),
            ("Box.later", 17, 18, False),
        ]
    )


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return str(path)


def test_the_gate_fails_over_the_limits_and_passes_a_justified_function(tmp_path, capsys):
    short = write(tmp_path, "short.cpp", f"void f() {{\n{body(10)}}}\n")
    assert fl.main(["--root", str(tmp_path), short]) == 0

    unjustified = write(tmp_path, "long.cpp", f"void f() {{\n{body(80)}}}\n")  # 82 lines
    assert fl.main(["--root", str(tmp_path), unjustified]) == 1
    assert "long.cpp:1: f is 82 lines (more than 80 without a 'long:'" in capsys.readouterr().out

    justified = write(tmp_path, "justified.cpp", f"// long: one table\nvoid f() {{\n{body(80)}}}\n")
    assert fl.main(["--root", str(tmp_path), justified]) == 0

    too_long = write(tmp_path, "huge.cpp", f"// long: one table\nvoid f() {{\n{body(120)}}}\n")
    assert fl.main(["--root", str(tmp_path), too_long]) == 1
    assert "huge.cpp:2: f is 122 lines (more than 120, comment or not)" in capsys.readouterr().out

    exactly = write(tmp_path, "exact.cpp", f"void f() {{\n{body(78)}}}\n")  # 80 lines: allowed
    assert fl.main(["--root", str(tmp_path), exactly]) == 0

    python_long = write(
        tmp_path, "long.py", "def f():\n" + "".join(f"    x = {k}\n" for k in range(81))
    )
    assert fl.main(["--root", str(tmp_path), python_long]) == 1
    assert "long.py:1: f is 82 lines" in capsys.readouterr().out


def test_unreadable_file_fails_the_gate(tmp_path, capsys):
    broken = write(tmp_path, "broken.hpp", "void f() {\n")
    assert fl.main(["--root", str(tmp_path), broken]) == 1
    assert "broken.hpp: cannot be scanned" in capsys.readouterr().out


def test_default_files_cover_include_src_and_the_python_package():
    files = fl.default_files(ROOT)
    assert "include/peakpath/model/run.hpp" in files
    assert any(f.startswith("src/") and f.endswith(".cpp") for f in files)
    assert "python/peakpath/ensemble.py" in files
    assert not any(f.startswith(("tests/", "python/src/")) for f in files)
