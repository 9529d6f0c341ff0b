import json, re, sys
sys.path.insert(0, '.')
from stories_us import US
from stories_uk import UK
from stories_other import OTHER
with open('political_news.jsonl', 'w', encoding='utf-8') as f:
    for style, group in (('us', US), ('uk', UK), ('other', OTHER)):
        for s in group:
            rec = dict(title='[INVENTED] ' + s['title'], date=s['date'], outlet=s['outlet'],
                       url=s['url'], style=style, text=s['text'].strip())
            f.write(json.dumps(rec, ensure_ascii=False) + '\n')
            print(style, len(rec['text'].split()), s['title'][:50])
