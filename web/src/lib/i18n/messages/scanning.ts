import type { MessageTable } from './message-table'

// The scanner shared by the hub's scanning page and the station desk, and pickup by code (issue 15).
export const scanningMessages = {
  'nav.hubScanning': ['枢纽扫描', 'Hub scanning'],
  'hubScan.title': ['枢纽扫描', 'Hub scanning'],
  'hubScan.type': ['扫描类型', 'Scan type'],
  'hubScan.type.received': ['到件', 'Receive'],
  'hubScan.type.sorted': ['分拣', 'Sort'],
  'hubScan.type.loaded': ['装车', 'Load'],
  'hubScan.type.returned': ['退回', 'Return'],
  'hubScan.input': ['扫描或输入运单号', 'Scan or type a waybill'],
  'hubScan.placeholder': ['扫码枪扫描后自动提交', 'A scanner gun submits by itself'],
  'hubScan.ok': ['{waybill} {step} → {station}', '{waybill} {step} → {station}'],
  'hubScan.okNoStation': ['{waybill} {step}', '{waybill} {step}'],

  'scanner.ready': ['请扫描', 'Ready to scan'],
  'scanner.none': ['还没有扫描', 'Nothing scanned yet'],
  'scanner.recent': ['最近扫描', 'Recent scans'],
  'scanner.outcome.ok': ['成功', 'OK'],
  'scanner.outcome.duplicate': ['重复', 'Repeat'],
  'scanner.outcome.unknown': ['无此单', 'Unknown'],
  'scanner.outcome.refused': ['拒绝', 'Refused'],
  'scanner.outcome.pending': ['处理中', 'Sending'],
  'scanner.duplicateText': ['{code} 已扫描过，无需重复扫描', '{code} was already scanned'],
  'scanner.unknownText': ['{code} 运单不存在', 'No parcel has waybill {code}'],
  'scanner.openCamera': ['用摄像头扫码', 'Scan with the camera'],
  'scanner.closeCamera': ['关闭摄像头', 'Close the camera'],
  'scanner.cameraView': ['摄像头画面', 'Camera view'],
  'scanner.cameraDenied': [
    '未获准使用摄像头，请在浏览器设置中允许',
    'The camera was not allowed: allow it in the browser settings',
  ],
  'scanner.cameraUnavailable': [
    '此设备或浏览器无法使用摄像头扫码，请用扫码枪或手动输入',
    'No camera scanning here: use a scanner gun or type the code',
  ],

  'station.scanMode': ['扫描用途', 'Scan for'],
  'station.mode.arrive': ['到站', 'Arrival'],
  'station.mode.code': ['取件码取件', 'Pickup code'],
  'station.codeInput': ['扫描或输入取件码', 'Scan or type the pickup code'],
  'station.codePlaceholder': ['6 位取件码', '6-digit pickup code'],
  'station.arriveInput': ['扫描或输入到站运单号', 'Scan or type an arriving waybill'],
  'station.tailFallback': [
    '收件人没有取件码时，在“待取件”中凭手机尾号取件',
    'No pickup code? Hand over by phone tail under “Waiting for pickup”',
  ],
} as const satisfies MessageTable
