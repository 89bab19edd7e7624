import type { MessageTable } from './message-table'

// The county settings page and the first-run setup page (issue 15).
export const countyMessages = {
  'nav.countySettings': ['县域设置', 'County settings'],
  'permission.county:manage': ['管理县域设置', 'Manage the county settings'],

  'county.title': ['县域设置', 'County settings'],
  'county.intro': [
    '本县的名称、短信签名、区域公共品牌和规划指标目标值，全系统以此为准。',
    'The county’s name, SMS signature, public brand and the plan’s KPI targets, used across the system.',
  ],
  'county.code': ['行政区划代码', 'Division code'],
  'county.name': ['县名称', 'County name'],
  'county.smsSignature': ['短信签名', 'SMS signature'],
  'county.smsSignatureHint': [
    '不含【】；须与短信服务商审核通过的签名一致（可由 ALIYUN_SMS_SIGN_NAME 覆盖）',
    'Without 【】; it must match the signature the SMS provider approved (ALIYUN_SMS_SIGN_NAME overrides it)',
  ],
  'county.brandName': ['区域公共品牌', 'Public brand'],
  'county.brandNameHint': ['H5 商城以此为标题', 'The H5 shop’s title'],
  'county.kpiTargets': ['规划指标目标值', 'KPI targets of the plan'],
  'county.kpiKey': ['指标', 'KPI'],
  'county.kpiTarget': ['目标值', 'Target'],
  'county.kpiUnit': ['单位', 'Unit'],
  'county.kpiAdd': ['添加指标', 'Add a KPI'],
  'county.kpiRemove': ['删除该指标', 'Remove this KPI'],
  'county.kpiEmpty': ['尚未设置指标目标', 'No KPI targets yet'],
  'county.saved': ['县域设置已保存', 'County settings saved'],
  'county.updatedAt': ['最近修改', 'Last changed'],

  'setup.title': ['初始设置', 'First-time setup'],
  'setup.intro': [
    '本系统尚无县域数据。请填写本县、商务局、运营公司和第一位系统管理员；提交后此链接即失效。',
    'This installation has no county yet. Enter the county, its commerce bureau, the operating company and the first system administrator; the link stops working once you submit.',
  ],
  'setup.county': ['县域', 'County'],
  'setup.countyCode': ['县级行政区划代码（6 位）', 'County code (6 digits, GB/T 2260)'],
  'setup.countyCodeInvalid': ['请输入 6 位数字', 'Enter six digits'],
  'setup.countyName': ['县名称', 'County name'],
  'setup.organizations': ['机构', 'Organizations'],
  'setup.bureauName': ['商务局名称', 'Commerce bureau'],
  'setup.companyName': ['运营公司名称', 'Operating company'],
  'setup.admin': ['系统管理员', 'System administrator'],
  'setup.adminUsername': ['用户名', 'Username'],
  'setup.adminUsernameInvalid': [
    '以字母开头，3–32 位字母、数字、_ . -',
    'Starts with a letter; 3–32 letters, digits, _ . -',
  ],
  'setup.adminDisplayName': ['姓名', 'Name'],
  'setup.adminPhone': ['手机号', 'Mobile phone'],
  'setup.adminPhoneInvalid': ['请输入正确的手机号', 'Enter a valid phone number'],
  'setup.adminPassword': ['密码（至少 8 位）', 'Password (8 characters or more)'],
  'setup.adminPasswordShort': ['密码至少 8 位', 'At least 8 characters'],
  'setup.adminPasswordRepeat': ['再次输入密码', 'Password again'],
  'setup.passwordsDiffer': ['两次输入的密码不一致', 'The two passwords differ'],
  'setup.submit': ['完成设置', 'Finish setup'],
  'setup.noToken': [
    '请打开服务器启动日志中打印的设置链接（含 token），或在服务器上运行 npm run setup。',
    'Open the setup link printed in the server’s start-up log (it carries a token), or run npm run setup on the server.',
  ],
  'setup.invalidLink': ['设置链接无效', 'This setup link is not valid'],
  'setup.invalidLinkHint': [
    '链接可能已过期（服务器重启会打印新链接），请使用最新日志中的链接。',
    'The server prints a new link at each start; use the one from the latest log.',
  ],
  'setup.alreadyDone': ['初始设置已完成', 'Setup is already done'],
  'setup.done': ['初始设置完成', 'Setup is done'],
  'setup.doneHint': ['请以 {username} 登录。', 'Sign in as {username}.'],
  'setup.signIn': ['去登录', 'Sign in'],

  'app.subtitleCounty': ['{county}农村电商管理平台', '{county} rural e-commerce console'],
  'app.subtitleGeneric': ['县域农村电商管理平台', 'County rural e-commerce console'],
} as const satisfies MessageTable
