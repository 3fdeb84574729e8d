/** Fixed replies: greetings and polite refusals. Short, plain, and they say where to get help. */

export const CAN_HELP =
  'Tôi giúp được các việc như: cài và dùng VNeID, dịch vụ công trực tuyến, thanh toán bằng mã QR, Zalo, ' +
  'phòng tránh lừa đảo, và các nhiệm vụ trong kế hoạch “Bình dân học vụ số” của phường.';

export function greetingReply(): string {
  return `Xin chào bạn! Tôi là trợ lý “Bình dân học vụ số” của phường. ${CAN_HELP} Bạn cứ hỏi bằng lời của mình nhé.`;
}

export function outOfScopeReply(contact: string): string {
  return `Xin lỗi bạn, câu này nằm ngoài phạm vi tôi hỗ trợ. ${CAN_HELP} Cần giúp thêm, bạn hỏi ${contact}.`;
}

export function noMatchReply(contact: string): string {
  return `Xin lỗi bạn, tôi chưa tìm thấy nội dung phù hợp trong tài liệu của phường. Bạn thử hỏi cách khác, hoặc hỏi ${contact} để được giúp trực tiếp.`;
}

export function injectionReply(contact: string): string {
  return `Xin lỗi bạn, tôi không làm được yêu cầu này. ${CAN_HELP} Cần giúp thêm, bạn hỏi ${contact}.`;
}

export const GREETING_SUGGESTIONS = [
  'Làm sao cài VNeID?',
  'Quét mã QR trả tiền thế nào?',
  'Có người đòi mã OTP thì sao?',
];
