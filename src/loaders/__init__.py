"""Loaders: the seed loader (seed/ files -> database) and the article loader."""
