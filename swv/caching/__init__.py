"""Caching infrastructure: the whole-page cache and the Redis connection pool that degrades when Redis is away."""
