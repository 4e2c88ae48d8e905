EXTRA = "from sys.path"
