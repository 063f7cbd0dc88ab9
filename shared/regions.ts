// China's 31 provincial divisions and a small city/district romanisation table, for deriving
// province and liaison-point ids from names (the pinyin form of DOMAIN.md: shanxi 山西, shaanxi 陕西).

export interface ProvinceInfo {
  id: string;
  /** Official full name, e.g. 宁夏回族自治区. */
  name: string;
  /** The name without its administrative suffix, e.g. 宁夏. */
  short: string;
}

export const CHINA_PROVINCES: readonly ProvinceInfo[] = [
  { id: 'beijing', name: '北京市', short: '北京' },
  { id: 'tianjin', name: '天津市', short: '天津' },
  { id: 'hebei', name: '河北省', short: '河北' },
  { id: 'shanxi', name: '山西省', short: '山西' },
  { id: 'neimenggu', name: '内蒙古自治区', short: '内蒙古' },
  { id: 'liaoning', name: '辽宁省', short: '辽宁' },
  { id: 'jilin', name: '吉林省', short: '吉林' },
  { id: 'heilongjiang', name: '黑龙江省', short: '黑龙江' },
  { id: 'shanghai', name: '上海市', short: '上海' },
  { id: 'jiangsu', name: '江苏省', short: '江苏' },
  { id: 'zhejiang', name: '浙江省', short: '浙江' },
  { id: 'anhui', name: '安徽省', short: '安徽' },
  { id: 'fujian', name: '福建省', short: '福建' },
  { id: 'jiangxi', name: '江西省', short: '江西' },
  { id: 'shandong', name: '山东省', short: '山东' },
  { id: 'henan', name: '河南省', short: '河南' },
  { id: 'hubei', name: '湖北省', short: '湖北' },
  { id: 'hunan', name: '湖南省', short: '湖南' },
  { id: 'guangdong', name: '广东省', short: '广东' },
  { id: 'guangxi', name: '广西壮族自治区', short: '广西' },
  { id: 'hainan', name: '海南省', short: '海南' },
  { id: 'chongqing', name: '重庆市', short: '重庆' },
  { id: 'sichuan', name: '四川省', short: '四川' },
  { id: 'guizhou', name: '贵州省', short: '贵州' },
  { id: 'yunnan', name: '云南省', short: '云南' },
  { id: 'xizang', name: '西藏自治区', short: '西藏' },
  { id: 'shaanxi', name: '陕西省', short: '陕西' },
  { id: 'gansu', name: '甘肃省', short: '甘肃' },
  { id: 'qinghai', name: '青海省', short: '青海' },
  { id: 'ningxia', name: '宁夏回族自治区', short: '宁夏' },
  { id: 'xinjiang', name: '新疆维吾尔自治区', short: '新疆' },
];

/** Administrative suffixes of provincial names, longest first. */
export const PROVINCE_SUFFIXES = ['维吾尔自治区', '回族自治区', '壮族自治区', '特别行政区', '自治区', '省', '市'];

/** Every way a province's name begins a longer name (宁夏回族自治区, 宁夏自治区, 宁夏), each once,
 *  longest first so that a prefix test takes the fullest form. */
export const PROVINCE_NAME_FORMS: readonly [string, ProvinceInfo][] = CHINA_PROVINCES.flatMap((p) =>
  [p.name, p.short, ...PROVINCE_SUFFIXES.map((s) => p.short + s)].map((form): [string, ProvinceInfo] => [form, p]),
)
  .filter(([form], i, all) => all.findIndex(([f]) => f === form) === i)
  .sort((a, b) => b[0].length - a[0].length);

/** Pinyin of city and district names (without 市/区/县), enough for the batches we know and the
 *  provincial capitals; names not listed get a numbered id. */
export const PLACE_PINYIN: Readonly<Record<string, string>> = {
  海淀: 'haidian', 朝阳: 'chaoyang', 东城: 'dongcheng', 西城: 'xicheng', 丰台: 'fengtai', 石景山: 'shijingshan',
  通州: 'tongzhou', 顺义: 'shunyi', 昌平: 'changping', 大兴: 'daxing', 房山: 'fangshan', 门头沟: 'mentougou',
  静安: 'jingan', 黄浦: 'huangpu', 徐汇: 'xuhui', 长宁: 'changning', 普陀: 'putuo', 虹口: 'hongkou', 杨浦: 'yangpu',
  闵行: 'minhang', 宝山: 'baoshan', 嘉定: 'jiading', 浦东: 'pudong', 浦东新: 'pudong', 松江: 'songjiang',
  和平: 'heping', 南开: 'nankai', 河西: 'hexi', 滨海新: 'binhai', 渝中: 'yuzhong', 江北: 'jiangbei', 沙坪坝: 'shapingba',
  吕梁: 'lvliang', 太原: 'taiyuan', 大同: 'datong', 长治: 'changzhi', 晋城: 'jincheng', 运城: 'yuncheng', 临汾: 'linfen', 晋中: 'jinzhong',
  抚顺: 'fushun', 沈阳: 'shenyang', 大连: 'dalian', 鞍山: 'anshan', 丹东: 'dandong', 锦州: 'jinzhou', 营口: 'yingkou',
  大庆: 'daqing', 哈尔滨: 'haerbin', 齐齐哈尔: 'qiqihaer', 牡丹江: 'mudanjiang', 佳木斯: 'jiamusi',
  常州: 'changzhou', 南京: 'nanjing', 苏州: 'suzhou', 无锡: 'wuxi', 南通: 'nantong', 扬州: 'yangzhou', 徐州: 'xuzhou', 镇江: 'zhenjiang',
  南平: 'nanping', 福州: 'fuzhou', 厦门: 'xiamen', 泉州: 'quanzhou', 漳州: 'zhangzhou', 莆田: 'putian', 三明: 'sanming', 龙岩: 'longyan', 宁德: 'ningde',
  东莞: 'dongguan', 广州: 'guangzhou', 深圳: 'shenzhen', 珠海: 'zhuhai', 佛山: 'foshan', 汕头: 'shantou', 中山: 'zhongshan', 惠州: 'huizhou', 江门: 'jiangmen',
  三亚: 'sanya', 海口: 'haikou', 儋州: 'danzhou',
  毕节: 'bijie', 贵阳: 'guiyang', 遵义: 'zunyi', 安顺: 'anshun', 六盘水: 'liupanshui', 铜仁: 'tongren',
  渭南: 'weinan', 西安: 'xian', 宝鸡: 'baoji', 咸阳: 'xianyang', 延安: 'yanan', 汉中: 'hanzhong', 榆林: 'yulin',
  吴忠: 'wuzhong', 银川: 'yinchuan', 石嘴山: 'shizuishan', 固原: 'guyuan', 中卫: 'zhongwei',
  石家庄: 'shijiazhuang', 唐山: 'tangshan', 保定: 'baoding', 邯郸: 'handan', 廊坊: 'langfang', 秦皇岛: 'qinhuangdao',
  呼和浩特: 'huhehaote', 包头: 'baotou', 赤峰: 'chifeng', 鄂尔多斯: 'eerduosi',
  长春: 'changchun', 吉林: 'jilin', 四平: 'siping', 延边: 'yanbian',
  杭州: 'hangzhou', 宁波: 'ningbo', 温州: 'wenzhou', 绍兴: 'shaoxing', 嘉兴: 'jiaxing', 湖州: 'huzhou', 金华: 'jinhua', 台州: 'taizhou',
  合肥: 'hefei', 芜湖: 'wuhu', 安庆: 'anqing', 蚌埠: 'bengbu', 黄山: 'huangshan',
  南昌: 'nanchang', 九江: 'jiujiang', 赣州: 'ganzhou', 景德镇: 'jingdezhen', 上饶: 'shangrao',
  济南: 'jinan', 青岛: 'qingdao', 烟台: 'yantai', 潍坊: 'weifang', 临沂: 'linyi', 淄博: 'zibo', 济宁: 'jining', 威海: 'weihai',
  郑州: 'zhengzhou', 洛阳: 'luoyang', 开封: 'kaifeng', 新乡: 'xinxiang', 南阳: 'nanyang', 安阳: 'anyang',
  武汉: 'wuhan', 宜昌: 'yichang', 襄阳: 'xiangyang', 黄冈: 'huanggang', 荆州: 'jingzhou', 十堰: 'shiyan',
  长沙: 'changsha', 株洲: 'zhuzhou', 湘潭: 'xiangtan', 衡阳: 'hengyang', 岳阳: 'yueyang', 常德: 'changde',
  南宁: 'nanning', 柳州: 'liuzhou', 桂林: 'guilin', 北海: 'beihai', 梧州: 'wuzhou',
  成都: 'chengdu', 绵阳: 'mianyang', 宜宾: 'yibin', 泸州: 'luzhou', 南充: 'nanchong', 乐山: 'leshan',
  昆明: 'kunming', 曲靖: 'qujing', 玉溪: 'yuxi', 大理: 'dali', 红河: 'honghe',
  拉萨: 'lasa', 日喀则: 'rikaze',
  兰州: 'lanzhou', 天水: 'tianshui', 酒泉: 'jiuquan', 白银: 'baiyin',
  西宁: 'xining', 海东: 'haidong',
  乌鲁木齐: 'wulumuqi', 克拉玛依: 'kelamayi', 伊犁: 'yili',
};
