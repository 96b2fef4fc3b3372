"""The figures engine: series per indicator, statistics, comparisons, peer groups and periods."""
