"""The launcher package: the one place that knows both the core and the Qt face."""
