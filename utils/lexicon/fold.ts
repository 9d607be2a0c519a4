/**
 * Lexicon-side folding on top of utils/normalize.ts: traditional → simplified
 * Chinese for the characters that occur in coin names and slang (LABELING.md:
 * `$幣安人生` → `币安人生`). One BMP character maps to one, so offsets are kept.
 */
import { normalize, type NormalizedText } from '../normalize';

const TRAD = '幣餅納場龍經現發鏈寶萊達羅馬蘭聖銀幹機鳥貓雞鴨風雲買賣漲錢會對網盤賺虧倉單開關實體價貨資產區塊礦幾億萬門時間們個東車長歲樂氣愛華國線紅綠藍黃鵝豬魚龜鬥灣臺戰極陽陰話說頭腦點麼來這還過進與為後裡義盡興無見覺觀聽讀寫學應當從隻誰幫驗險證議選剛僅傳倫偽側備債傷傾僑優儲兒兩內冊凍劃劇勁動務勝勞勢勵勸匯協卻厲參雙變吳員問啟喬嘆團圍圓圖執堅報壓壞壯壽夢夠奮奪奧婦媽嫵孫寧審寬將專尋導屆屬層歲島嶺幣廣廢廳彈彌徑從徹態慣慶憂應懸戲戶拋挾捨掃掛採換揚損搖搶攜擇擊據擴攝數斷於條來樣樹橫檢櫃歡歸殺毀氣沒淚淺渦測湯準溫滅滾滿漢潔潛澤濟濤濱灑災炮為烏無煉煙熱營燈爐爭爺狀狹獨獲獻現環瑪產畫當疊療發盜盞監盤盧眾睜礙禮禍離種穩積稱窮競筆節範築簡籃類紀約紅紋純紙級細終組結絕給統絲經綁維綱網緊線練縣縮總績繁織繩繪繼續纜罰羅聯聲職聽肅脅腳膽臟臨興舉艙艦藝節萬葉蔣薦藥蘇蘋處號蟲蠟補裝複製見規視親覽觀計訂認討訊記許訴診詐評試詩該詳誕語誤說誰課調談請諸謀謂謝謹證譯護讀變讓豐貝負財責貢貧貨販貪貫貴貸費貼賀資賊賈賠賞賢賬質賴購賽贊贏趕趨跡踐軌軍軟較載輕輛輝輪輸轉辦農這連週進遊運過達違遠適遲遷選遺還邊鄉醫釋針鈔鈴鉛銅銷鋒鋼錄錯鍵鎖鎮鏡長門閃閉問閑閱闆闊隊陸陳陣陽際險隨隱隻雖雙雜雞離難電靈靜響頁頂項順須預頓領頻題額顏願類顧顯飛飯飲飽養餘館馬駐騎騙驚體髮鬆魯鯨鳳鴻麥黨點齊龍';
const SIMP = '币饼纳场龙经现发链宝莱达罗马兰圣银干机鸟猫鸡鸭风云买卖涨钱会对网盘赚亏仓单开关实体价货资产区块矿几亿万门时间们个东车长岁乐气爱华国线红绿蓝黄鹅猪鱼龟斗湾台战极阳阴话说头脑点么来这还过进与为后里义尽兴无见觉观听读写学应当从只谁帮验险证议选刚仅传伦伪侧备债伤倾侨优储儿两内册冻划剧劲动务胜劳势励劝汇协却厉参双变吴员问启乔叹团围圆图执坚报压坏壮寿梦够奋夺奥妇妈妩孙宁审宽将专寻导届属层岁岛岭币广废厅弹弥径从彻态惯庆忧应悬戏户抛挟舍扫挂采换扬损摇抢携择击据扩摄数断于条来样树横检柜欢归杀毁气没泪浅涡测汤准温灭滚满汉洁潜泽济涛滨洒灾炮为乌无炼烟热营灯炉争爷状狭独获献现环玛产画当叠疗发盗盏监盘卢众睁碍礼祸离种稳积称穷竞笔节范筑简篮类纪约红纹纯纸级细终组结绝给统丝经绑维纲网紧线练县缩总绩繁织绳绘继续缆罚罗联声职听肃胁脚胆脏临兴举舱舰艺节万叶蒋荐药苏苹处号虫蜡补装复制见规视亲览观计订认讨讯记许诉诊诈评试诗该详诞语误说谁课调谈请诸谋谓谢谨证译护读变让丰贝负财责贡贫货贩贪贯贵贷费贴贺资贼贾赔赏贤账质赖购赛赞赢赶趋迹践轨军软较载轻辆辉轮输转办农这连周进游运过达违远适迟迁选遗还边乡医释针钞铃铅铜销锋钢录错键锁镇镜长门闪闭问闲阅板阔队陆陈阵阳际险随隐只虽双杂鸡离难电灵静响页顶项顺须预顿领频题额颜愿类顾显飞饭饮饱养余馆马驻骑骗惊体发松鲁鲸凤鸿麦党点齐龙';

const FOLD = new Map<number, string>();
/** Same mapping as a dense table (0 = unchanged) for the hot loop. */
const FOLD_TABLE = new Uint16Array(65536);
for (let i = 0; i < TRAD.length && i < SIMP.length; i++) {
  FOLD.set(TRAD.charCodeAt(i), SIMP[i]!);
  FOLD_TABLE[TRAD.charCodeAt(i)] = SIMP.charCodeAt(i);
}

/** Fold traditional characters in an already normalized string (same length). */
export function foldChinese(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x3400) continue;
    const f = FOLD_TABLE[c]!;
    if (f !== 0) {
      out += s.slice(last, i) + String.fromCharCode(f);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const slowCache = new Map<string, string>();

/** Exactly normalize()'s per-code-point rule (utils/normalize.ts), then Chinese folding; cached. */
function foldCodePoint(ch: string): string {
  let f = slowCache.get(ch);
  if (f !== undefined) return f;
  if (ZERO_WIDTH.test(ch)) f = '';
  else {
    f = ch.normalize('NFKC').toLowerCase();
    if (f.length === 0) f = ch;
    if ([...f].length > 1 && [...ch.normalize('NFKC')].length === 1) f = [...f][0]!;
    f = foldChinese(f);
  }
  if (slowCache.size < 50_000) slowCache.set(ch, f);
  return f;
}

/**
 * normalize() + Chinese folding: the text every lexicon lookup runs on.
 * Same output as `foldChinese(normalize(s).text)` with the same offsets (unit-tested),
 * but ASCII and CJK ideographs take a fast path: normalize() costs ~70% of the
 * lexicon's time otherwise.
 */
/** normalizeForMatch's result; `identity` = every normalized unit sits at the same index in the original. */
export interface MatchText extends NormalizedText {
  identity: boolean;
}

export function normalizeForMatch(original: string): MatchText {
  const n = original.length;
  // Text: fold every code point outside ASCII / CJK ideographs (cached), then traditional →
  // simplified, then lower-case (only ASCII upper case is left by then).
  const replaced = NON_SIMPLE.test(original) ? original.replace(NON_SIMPLE_G, foldCodePoint) : original;
  const text = foldChinese(replaced).toLowerCase();
  // Offsets are built only when asked for (a post with no match never needs them);
  // the identity when the text kept its length and no code point changed length.
  let offsets: number[] | undefined;
  let isIdentity: boolean | undefined;
  return {
    text,
    get identity() {
      return (isIdentity ??= text.length === n && !ASTRAL_OR_DROPPED.test(original));
    },
    get offsets() {
      return (offsets ??= this.identity ? identity(n) : buildOffsets(original));
    },
  };
}

const NON_SIMPLE = /[^\x00-\x7F\u3400-\u4DBF\u4E00-\u9FFF]/u;
const NON_SIMPLE_G = /[^\x00-\x7F\u3400-\u4DBF\u4E00-\u9FFF]/gu;
/** Surrogate pairs map both units to the code point's start; zero-width characters are dropped. */
const ASTRAL_OR_DROPPED = /[\uD800-\uDFFF\u200B-\u200D\u2060\uFEFF\u00AD]/;

function identity(n: number): number[] {
  const o = new Array<number>(n + 1);
  for (let i = 0; i <= n; i++) o[i] = i;
  return o;
}

/** normalize()'s offset rule: every output unit points at the start of its source code point. */
function buildOffsets(original: string): number[] {
  const offsets: number[] = [];
  const n = original.length;
  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    if (c < 128 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) {
      offsets.push(i);
      i++;
      continue;
    }
    const d = i + 1 < n ? original.charCodeAt(i + 1) : 0;
    const ch = c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? original.slice(i, i + 2) : original[i]!;
    const f = foldCodePoint(ch);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    i += ch.length;
  }
  offsets.push(n);
  return offsets;
}

/** Reference implementation (slow): used by tests to check normalizeForMatch. */
export function normalizeForMatchReference(original: string): NormalizedText {
  const n = normalize(original);
  return { text: foldChinese(n.text), offsets: n.offsets };
}

/** Normalize a single key (alias, handle) the same way as text. */
export function foldKey(s: string): string {
  return foldChinese(normalize(s).text).trim();
}
