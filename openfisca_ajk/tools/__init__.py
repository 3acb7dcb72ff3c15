"""Tools around the rules: dates, reforms, populations, reports."""
