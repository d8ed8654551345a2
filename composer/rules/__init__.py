"""Validation rules, one module per message family; ``composer.validation`` is the public face."""
