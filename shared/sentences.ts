// What a sentence about an activity says beyond its date and type (those have their own readers):
// who led it (罗副主席) and its theme (作“学习贯彻全会精神”专题讲座). Used by the readers of trackers
// kept as sentences (a log, the cells of a progress matrix).

/** Titles a leader is named by in a sentence, longest first so 副主席 is not read as 主席. */
export const LEADER_TITLES = ['副秘书长', '秘书长', '副主席', '主席', '副主委', '主委', '副书记', '书记', '副部长', '部长', '副主任', '主任', '副会长', '会长'];

// Characters that end a name when reading backwards from a title: particles, punctuation, time words.
const NOT_NAME = new Set([...'在于由和与及同、，,。．.：:；;的午晚上下日月年时分后前请邀由等为被对向给（(）)“”"《》「」 \u3000']);
const MAX_NAME = 3;
const TITLE_PATTERN = new RegExp(LEADER_TITLES.join('|'), 'gu');
const CJK = /[\u3400-\u9fff]/u;

/** The leaders a sentence names (罗副主席、张秘书长), or null: a title with the name written just before it. */
export function leadersIn(text: string): string | null {
  const found: string[] = [];
  for (const m of text.matchAll(TITLE_PATTERN)) {
    let start = m.index;
    while (start > 0 && m.index - start < MAX_NAME && CJK.test(text[start - 1]) && !NOT_NAME.has(text[start - 1])) start--;
    if (start === m.index) continue;
    const leader = text.slice(start, m.index + m[0].length);
    if (!found.includes(leader)) found.push(leader);
  }
  return found.length > 0 ? found.join('、') : null;
}

// A theme is quoted: 《…》, “…”, "…", 「…」, 『…』.
const QUOTED = /《([^》]{2,})》|“([^”]{2,})”|"([^"]{2,})"|「([^」]{2,})」|『([^』]{2,})』/u;

/** The quoted theme of a sentence, or null. */
export function themeIn(text: string): string | null {
  const m = QUOTED.exec(text);
  return m ? (m.slice(1).find((g) => g !== undefined) ?? null) : null;
}
