# Reads Prometheus' text exposition format from stdin with the Prometheus project's own Python parser
# (prometheus_client, Debian package python3-prometheus-client) and prints the metric families as JSON.
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

families = []
for family in text_string_to_metric_families(sys.stdin.read()):
    families.append({
        "name": family.name,
        "type": family.type,
        "help": family.documentation,
        "samples": [{"name": s.name, "labels": dict(s.labels), "value": s.value} for s in family.samples],
    })
json.dump(families, sys.stdout)
