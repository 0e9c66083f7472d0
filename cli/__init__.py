"""The command line: a front end beside the window, over the same services in `app/`."""
