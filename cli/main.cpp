#include <cstdio>
int main() { std::puts("softgraph"); return 0; }
