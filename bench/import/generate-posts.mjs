// Writes N Jekyll posts shaped like the shared corpus (Chinese news with HTML bodies, English
// Markdown posts), 3-8 KB each, 1-5 tags, from our own word lists: nothing copied from the corpus.
// Shapes (generatePosts' options):
// - 'mixed' (default): 60% Chinese HTML news, 40% English Markdown, 3-8 KB.
// - 'archive': a real news archive of the seed's kind (issue 15): every post Chinese HTML news
//   of about 5 KB (3-7 KB), and about 2.2% of them repeating an earlier post's `from:` URL
//   (the same story scraped twice, 1,294 of 59,242 in the archive measured).
// `size` (bytes) replaces the size range by size ± 10% (e.g. 200 KB posts: a memory test).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ZH_WORDS =
  '城市 议会 天气 科学 图书馆 港口 渔业 交通 学校 医院 经济 文化 社区 居民 政府 报告 调查 计划 发展 环境 能源 气候 海岸 建设 预算 选举 体育 音乐 艺术 历史 技术 网络 数据 安全 健康 教育 旅游 市场 企业 工人'.split(
    ' ',
  );
const ZH_PUNCT = ['，', '。', '；', '、'];
const EN_WORDS =
  'harbour council weather science library ferry budget school hospital market culture community residents report survey plan growth energy climate coast storm election music history network data safety health travel business workers tide lighthouse festival bridge river'.split(
    ' ',
  );
const SOURCES = ['港湾日报', '海岸通讯', 'Harbour Ledger', 'Coastal Wire', '城市周刊', 'Morning Tide'];
const TAGS = [
  '本地',
  '天气',
  '科学',
  '文化',
  '体育',
  'council',
  'weather',
  'science',
  'culture',
  'sports',
  '港口',
  'ferry',
  '教育',
  'health',
  '经济',
];

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function zhParagraph(r, chars) {
  let text = '';
  while (text.length < chars)
    text += ZH_WORDS[Math.floor(r() * ZH_WORDS.length)] + (r() < 0.15 ? ZH_PUNCT[Math.floor(r() * 4)] : '');
  return `${text}。`;
}

// English prose is about two-fifths function words; without them the text reads as no
// language at all, and language detection takes its slowest path on every post.
const EN_FUNCTION_WORDS = 'the of and to in a is that for on with as was at by from it'.split(' ');

function enParagraph(r, chars) {
  const words = [];
  let length = 0;
  while (length < chars) {
    const list = r() < 0.4 ? EN_FUNCTION_WORDS : EN_WORDS;
    const word = list[Math.floor(r() * list.length)];
    words.push(word);
    length += word.length + 1;
  }
  return `${words.join(' ')}.`;
}

function postOf(i, { shape = 'mixed', size: fixedSize = 0 } = {}) {
  const r = rng(i + 1);
  const archive = shape === 'archive';
  const zh = r() < (archive ? 1 : 0.6);
  const size = fixedSize
    ? Math.round(fixedSize * (0.9 + r() * 0.2))
    : archive
      ? 3000 + Math.floor(r() * 4000)
      : 3000 + Math.floor(r() * 5000);
  // The story a repeat scraped again: an earlier post's URL, so the first one keeps it.
  const story = archive && i > 0 && r() < 0.022 ? Math.floor(r() * i) : i;
  const date = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 1800) * 86400000 + Math.floor(r() * 86400000));
  const tags = [...new Set(Array.from({ length: 1 + Math.floor(r() * 5) }, () => TAGS[Math.floor(r() * TAGS.length)]))];
  const source = SOURCES[Math.floor(r() * SOURCES.length)];
  const title = zh ? `${zhParagraph(r, 14).slice(0, 16)} ${i}` : `${enParagraph(r, 40).slice(0, 48)} ${i}`;
  const paragraphs = [];
  let bytes = 0;
  while (bytes < size) {
    const p = zh ? zhParagraph(r, 80 + Math.floor(r() * 120)) : enParagraph(r, 200 + Math.floor(r() * 300));
    paragraphs.push(p);
    bytes += Buffer.byteLength(p);
  }
  const body = zh
    ? `<!--${date.getTime()}-->\n[${title}](https://news.example.org/${i})\n------\n\n<div>\n${paragraphs.map((p) => `<p>${p}</p>`).join('')}<section id="imu"><div id="dfp-ad-${i}"> </div></section>\n</div>\n`
    : `${paragraphs.join('\n\n')}\n`;
  const header = [
    '---',
    'layout: post',
    `title: "${title}"`,
    `date: ${date.toISOString()}`,
    `author: ${source}`,
    `from: https://news.example.org/story/${story}`,
    `tags: [ ${tags.join(', ')} ]`,
    `categories: [ ${zh ? '新闻' : 'news'} ]`,
    '---',
  ].join('\n');
  const day = date.toISOString().slice(0, 10);
  return { file: `_posts/${day}-post-${i}.${zh ? 'md' : 'markdown'}`, content: `${header}\n${body}` };
}

/**
 * Writes `count` posts under `dir` (sharded folders keep directories small).
 * `options`: { shape: 'mixed' | 'archive', size: bytes per post (0: the shape's range) }.
 */
export async function generatePosts(dir, count, options = {}) {
  for (let i = 0; i < count; i++) {
    const { file, content } = postOf(i, options);
    const target = path.join(dir, `shard-${Math.floor(i / 1000)}`, file);
    if (i % 1000 === 0) await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
