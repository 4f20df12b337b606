"""setuptools drives CMake: `pip install --no-build-isolation .` builds peakpath._core.

The CMake build installs the module and the Python package into the wheel's build directory,
and the shipped data into peakpath/data (found by peakpath/__init__.py at import).
"""
import os
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        package_dir = os.path.abspath(os.path.dirname(self.get_ext_fullpath(ext.name)))
        build_dir = os.path.abspath(self.build_temp)
        os.makedirs(build_dir, exist_ok=True)
        jobs = str(os.cpu_count() or 2)
        subprocess.run(
            [
                "cmake",
                "-S",
                ROOT,
                "-B",
                build_dir,
                "-DCMAKE_BUILD_TYPE=Release",
                f"-DPython_EXECUTABLE={sys.executable}",
                "-DPEAKPATH_BUILD_TESTS=OFF",
                "-DPEAKPATH_BUILD_BENCHMARKS=OFF",
                "-DPEAKPATH_BUILD_EXAMPLES=OFF",
                "-DPEAKPATH_BUILD_PYTHON=ON",
            ],
            check=True,
        )
        subprocess.run(["cmake", "--build", build_dir, "--target", "_core", "-j", jobs], check=True)
        built = os.path.join(build_dir, "python", "peakpath")
        os.makedirs(package_dir, exist_ok=True)
        for name in os.listdir(built):
            if name.startswith("_core") and name.endswith(".so"):
                self.copy_file(os.path.join(built, name), os.path.join(package_dir, name))
        self.copy_tree(os.path.join(ROOT, "data"), os.path.join(package_dir, "data"))


setup(ext_modules=[CMakeExtension("peakpath._core")], cmdclass={"build_ext": CMakeBuild})
