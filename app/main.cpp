#include <cstdio>
int main() { std::puts("atelier " ATELIER_VERSION); }
