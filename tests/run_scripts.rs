// placeholder: the script runner (see tests/README.md)
