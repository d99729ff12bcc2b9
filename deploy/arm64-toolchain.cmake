# Cross-build for 64-bit Raspberry Pi (Debian arm64, aarch64) on a Debian bookworm amd64 machine
# with crossbuild-essential-arm64 and the :arm64 development packages installed (multiarch:
# headers in /usr/include, libraries in /usr/lib/aarch64-linux-gnu; no separate sysroot).
# deploy/check-arm64 uses it:  cmake -DCMAKE_TOOLCHAIN_FILE=deploy/arm64-toolchain.cmake ...
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

# Tools (msgfmt, pkg-config) are the build machine's; libraries and headers the target's.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(CMAKE_FIND_ROOT_PATH /)
# pkg-config must read the arm64 .pc files only, or it would hand out amd64 flags.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)

# Test binaries (and gtest_discover_tests at build time) run under qemu user emulation,
# called directly: no binfmt_misc registration needed. -L: the target's loader and libc.
find_program(ATELIER_QEMU_AARCH64 qemu-aarch64-static)
if(ATELIER_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${ATELIER_QEMU_AARCH64} -L /usr/aarch64-linux-gnu)
endif()
