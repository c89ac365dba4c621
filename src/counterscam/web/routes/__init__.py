"""Page routes, one module per area; pages.py includes them all."""
