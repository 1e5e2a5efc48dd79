namespace softgraph {}
