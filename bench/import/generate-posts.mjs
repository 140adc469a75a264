// Writes N Jekyll posts shaped like the shared corpus (Chinese news with HTML bodies, English
// Markdown posts), 3-8 KB each, 1-5 tags, from our own word lists: nothing copied from the corpus.
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

function postOf(i) {
  const r = rng(i + 1);
  const zh = r() < 0.6;
  const size = 3000 + Math.floor(r() * 5000);
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
    `from: https://news.example.org/story/${i}`,
    `tags: [ ${tags.join(', ')} ]`,
    `categories: [ ${zh ? '新闻' : 'news'} ]`,
    '---',
  ].join('\n');
  const day = date.toISOString().slice(0, 10);
  return { file: `_posts/${day}-post-${i}.${zh ? 'md' : 'markdown'}`, content: `${header}\n${body}` };
}

/** Writes `count` posts under `dir` (sharded folders keep directories small). */
export async function generatePosts(dir, count) {
  for (let i = 0; i < count; i++) {
    const { file, content } = postOf(i);
    const target = path.join(dir, `shard-${Math.floor(i / 1000)}`, file);
    if (i % 1000 === 0) await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
