import type { Level, LessonQuestion } from './lesson.ts';

/**
 * A five-question placement quiz, an alternative to saying one's level: easy questions first
 * (phone basics, OTP), then VNeID, two-step verification and safe use of AI.
 */
export const PLACEMENT_QUIZ: readonly LessonQuestion[] = [
  {
    prompt: 'Biểu tượng Wi-Fi trên điện thoại dùng để làm gì?',
    options: [
      { letter: 'A', text: 'Kết nối Internet không dây' },
      { letter: 'B', text: 'Tăng âm lượng' },
      { letter: 'C', text: 'Mở máy ảnh' },
    ],
    answer: 'A',
    explanation: 'Wi-Fi giúp điện thoại vào mạng Internet mà không tốn dữ liệu di động.',
  },
  {
    prompt: 'Có người gọi điện xưng là nhân viên ngân hàng, xin bạn đọc mã OTP vừa nhận. Bạn làm gì?',
    options: [
      { letter: 'A', text: 'Đọc mã cho họ' },
      { letter: 'B', text: 'Không đưa mã, tắt máy' },
    ],
    answer: 'B',
    explanation: 'Không ai được hỏi mã OTP của bạn, kể cả ngân hàng.',
  },
  {
    prompt: 'Tài khoản định danh điện tử mức độ 2 trên VNeID giúp bạn làm gì?',
    options: [
      { letter: 'A', text: 'Chỉ để xem tin tức' },
      { letter: 'B', text: 'Đăng nhập Cổng Dịch vụ công và dùng thay một số giấy tờ' },
      { letter: 'C', text: 'Gọi điện miễn phí' },
    ],
    answer: 'B',
    explanation: 'Tài khoản mức độ 2 dùng để làm thủ tục trực tuyến và xuất trình giấy tờ tích hợp.',
  },
  {
    prompt: 'Xác thực hai bước là gì?',
    options: [
      { letter: 'A', text: 'Đặt hai mật khẩu giống nhau' },
      { letter: 'B', text: 'Ngoài mật khẩu, phải nhập thêm mã hoặc xác nhận trên điện thoại của bạn' },
      { letter: 'C', text: 'Đăng nhập hai lần liên tiếp' },
    ],
    answer: 'B',
    explanation: 'Kẻ gian biết mật khẩu vẫn không vào được nếu không có bước thứ hai.',
  },
  {
    prompt: 'Khi nhờ trợ lý AI viết giúp một văn bản, điều nào đúng?',
    options: [
      { letter: 'A', text: 'Dán cả số căn cước, số điện thoại của người khác vào cho nhanh' },
      { letter: 'B', text: 'Không đưa dữ liệu cá nhân vào và tự kiểm tra lại nội dung AI viết' },
    ],
    answer: 'B',
    explanation: 'AI có thể sai, và thông tin bạn dán vào có thể bị lưu lại.',
  },
];

/** 0–2 right: level 1; 3–4: level 2; all 5: level 3. */
export function levelFromQuiz(correct: number): Level {
  if (correct >= PLACEMENT_QUIZ.length) return 3;
  return correct >= 3 ? 2 : 1;
}
