import { describe, expect, it } from 'vitest';
import { composeFromDocument, isHowTo, quizPairs, shorten } from './extractive.ts';
import type { DocumentView } from './passages.ts';
import { readQuestion } from './text.ts';

const steps = Array.from(
  { length: 8 },
  (_, i) =>
    `${i + 1}. Mở mục số ${i + 1} trong ứng dụng, chạm nút Tiếp tục ở cuối màn hình rồi chờ máy báo xong. ` +
    `Nếu máy hỏi quyền, bấm Cho phép.`,
).join('\n');
const doc: DocumentView = {
  docId: 'vi-du',
  title: 'Bài ví dụ',
  kind: 'lesson',
  sections: [
    { kind: 'intro', heading: '', text: 'Bài này dành cho người mới. Ví điện tử giúp trả tiền nhanh.' },
    {
      kind: 'steps',
      heading: 'Các bước',
      text: steps.replace('3. Mở mục số 3', '3. Bật mã PIN: mở mục số 3'),
    },
    {
      kind: 'notes',
      heading: 'Lưu ý',
      text: '- Tên nút khác nhau theo phiên bản.\n- Không đưa mã PIN cho ai, kể cả người xưng là nhân viên.',
    },
  ],
};
const weights = (words: string[]) => new Map(words.map((w) => [w, 1]));

describe('composeFromDocument', () => {
  it('answers a how-to question with every step on its own line and the matching caution', () => {
    const { text, nextStep } = composeFromDocument(
      readQuestion('bật mã PIN thế nào'),
      doc,
      weights(['ma', 'pin']),
    );
    const numbers = [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(nextStep).toBeUndefined();
    expect(text).toMatch(/^Lưu ý: Không đưa mã PIN cho ai/m);
    expect(text).not.toContain('Bài này dành cho');
    expect(text.length).toBeLessThanOrEqual(800);
  });

  it('never leaves a step as a cut condition when dropping its aside shows the action', () => {
    const lesson: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: steps.replace(
            /^8\. .*$/m,
            '8. Nếu để lộ hay mất dữ liệu (gửi nhầm, mất máy, bị tấn công), báo ngay lãnh đạo và đầu mối an toàn thông tin. Cơ quan thông báo cho lực lượng chuyên trách theo thời hạn luật định.',
          ),
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('bật mã PIN trên máy thế nào'),
      lesson,
      weights(['bat', 'ma', 'pin', 'may']),
    );
    expect(text).toMatch(/^8\. Nếu để lộ hay mất dữ liệu.*báo ngay lãnh đạo/m);
  });

  it('keeps what to do when a step names its case before a colon', () => {
    const lesson: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          // Nine long steps: the ones not asked about get their shortest lines.
          text: Array.from({ length: 9 }, (_, i) =>
            i === 7
              ? '8. Tin nhắn có đường link lạ, tên na ná ngân hàng, VNeID, dịch vụ công: không bấm. Ngân hàng không gửi tin nhắn có đường link bắt bạn đăng nhập.'
              : `${i + 1}. ${i === 2 ? 'Bật mã PIN: m' : 'M'}ở mục số ${i + 1} trong ứng dụng quản lý tài khoản, chạm nút Tiếp tục ở cuối màn hình rồi chờ máy báo xong, sau đó kiểm tra lại thông tin.${i === 2 ? ' Nếu máy hỏi quyền, bấm Cho phép.' : ''}`,
          ).join('\n'),
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('bật mã PIN thế nào'),
      lesson,
      weights(['bat', 'ma', 'pin']),
    );
    expect(text).toMatch(/^4\. Mở mục số 4 trong ứng dụng quản lý tài khoản\.$/m);
    expect(text).toMatch(/^8\. Tin nhắn có đường link lạ[^\n]*: không bấm\.$/m);
  });

  it('leaves out a sentence that repeats what the answer already opens with', () => {
    const q = readQuestion('Người xưng nhân viên hỏi mã PIN, đưa được không?');
    const w = weights(['nhan', 'vien', 'ma', 'pin', 'dua']);
    expect(composeFromDocument(q, doc, w).text).toContain('Không đưa mã PIN cho ai');
    const said = 'Không bao giờ đưa mã PIN cho ai, kể cả người xưng là nhân viên.';
    expect(composeFromDocument(q, doc, w, { said }).text).not.toContain('Không đưa mã PIN cho ai');
  });

  it('gives the steps to "chỉ giúp từng bước", with no self-check situation before them', () => {
    const lesson: DocumentView = {
      ...doc,
      sections: [
        ...doc.sections,
        {
          kind: 'quiz',
          heading: 'Tự kiểm tra',
          text: '### Câu 1\nCon gọi video xin tiền gấp, hình mờ. Làm gì?\n- A. Chuyển ngay\n- B. Cúp máy, gọi lại số quen của con\nĐáp án: B. Hình và giọng trong cuộc gọi video có thể bị làm giả.',
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('Mẹ muốn gọi video cho con ở xa, chỉ giúp từng bước'),
      lesson,
      weights(['goi', 'video', 'con', 'xa']),
    );
    expect(text).toMatch(/^1\. /m);
    expect(text).not.toContain('làm giả');
  });

  it('answers with the steps when one part of a two-part message asks how', () => {
    const { text } = composeFromDocument(
      readQuestion('Bật mã PIN kiểu gì? Người xưng nhân viên hỏi mã thì đưa được không?'),
      doc,
      weights(['bat', 'ma', 'pin', 'nhan', 'vien', 'dua']),
    );
    expect(text).toMatch(/^3\. Bật mã PIN/m);
    expect(text).toContain('Không đưa mã PIN cho ai');
  });

  it('shows the whole note that holds the question, and only the first sentence of a default note', () => {
    const lesson = (note: string): DocumentView => ({
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: '1. Mở ứng dụng.\n2. Bấm Thanh toán.\n3. Tải lại trang.',
        },
        { kind: 'notes', heading: 'Lưu ý', text: `- ${note}` },
      ],
    });
    const note =
      'Tiền đã bị trừ mà hồ sơ vẫn báo chưa thanh toán: đừng trả lần hai. Chụp màn hình giao dịch.';
    const asked = composeFromDocument(
      readQuestion('bị trừ tiền mà vẫn báo chưa thanh toán thì làm sao'),
      lesson(note),
      weights(['tru', 'tien', 'chua', 'thanh', 'toan']),
    ).text;
    expect(asked).toContain('Chụp màn hình giao dịch.');
    const other = composeFromDocument(
      readQuestion('mở ứng dụng thế nào'),
      lesson(note),
      weights(['mo']),
    ).text;
    expect(other).toContain('Lưu ý: Tiền đã bị trừ');
    expect(other).not.toContain('Chụp màn hình giao dịch.');
  });

  it('leaves steps for "bước tiếp theo" when even short lines do not fit, and continues from there', () => {
    const q = readQuestion('làm sao mở mục');
    const first = composeFromDocument(q, doc, weights(['muc']), { budget: 300 });
    expect(first.nextStep).toBeGreaterThan(3);
    expect(first.text).toContain('bước tiếp theo');
    const next = composeFromDocument(q, doc, weights(['muc']), { budget: 300, fromStep: first.nextStep });
    expect(next.text).toMatch(new RegExp(`^${first.nextStep}\\. `, 'm'));
  });

  it('answers a "should I" question with the sentence that holds it', () => {
    const { text } = composeFromDocument(
      readQuestion('người xưng nhân viên hỏi mã PIN, có nên đưa không'),
      doc,
      weights(['nhan', 'vien', 'ma', 'pin', 'dua']),
    );
    expect(text).toContain('Không đưa mã PIN cho ai, kể cả người xưng là nhân viên.');
    expect(text).not.toContain('Mở mục số 1');
  });

  it('fills the room with every sentence that holds the question, not only the strongest', () => {
    const tax: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'intro',
          heading: '',
          text: 'Từ năm 2026 thuế khoán chấm dứt. Ví điện tử giúp trả tiền nhanh.',
        },
        { kind: 'notes', heading: 'Lưu ý', text: '- Ghi sổ thu chi mỗi ngày.\n- Giữ hóa đơn cẩn thận.' },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('bỏ thuế khoán rồi thì ghi sổ sao'),
      tax,
      new Map([
        ['thue', 6],
        ['khoan', 6],
        ['so', 1],
      ]),
    );
    expect(text).toBe('Từ năm 2026 thuế khoán chấm dứt.\nGhi sổ thu chi mỗi ngày.');
  });

  it('answers a trouble named in a step with the whole step, whose first sentence fixes it', () => {
    const call: DocumentView = {
      ...doc,
      sections: [
        { kind: 'intro', heading: '', text: 'Gọi video giúp bạn nghe và thấy con cháu ở xa.' },
        {
          kind: 'steps',
          heading: 'Các bước',
          text:
            '1. Mở cuộc trò chuyện, chạm biểu tượng máy quay.\n' +
            '2. Lần đầu gọi, máy hỏi quyền dùng micrô: bấm Cho phép. Nếu không cho phép, người kia sẽ không nghe thấy bạn.\n' +
            '3. Bấm nút đỏ để kết thúc.',
        },
        {
          kind: 'notes',
          heading: 'Lưu ý',
          text: '- Tiếng rè, không nghe rõ: lại gần cục phát Wi-Fi.\n- Không nghe cuộc gọi từ người lạ.',
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('gọi video mà cháu không nghe thấy bà nói, sao vậy'),
      call,
      weights(['nghe', 'thay', 'khong']),
    );
    expect(text).toContain('bấm Cho phép. Nếu không cho phép, người kia sẽ không nghe thấy bạn.');
  });
  it('leaves out the steps written for the other phone when the question names one', () => {
    const phones: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: [
            '1. Mở chỗ cần viết để bàn phím hiện lên.',
            '2. Android: bấm biểu tượng micro trên bàn phím.',
            '3. iPhone: bấm biểu tượng micro. Không thấy micro thì bật Đọc chính tả.',
            '4. Giấy tờ nhiều trang nên quét thành PDF. iPhone: mở Ghi chú; Android: dùng Google Drive.',
          ].join('\n'),
        },
      ],
    };
    const ask = (q: string) => composeFromDocument(readQuestion(q), phones, weights(['micro'])).text;
    expect(ask('iPhone của tôi nhập chữ bằng micro thế nào')).not.toContain('Android: bấm');
    expect(ask('iPhone của tôi nhập chữ bằng micro thế nào')).toContain('4. Giấy tờ nhiều trang');
    expect(ask('máy Samsung nhập chữ bằng micro thế nào')).not.toContain('iPhone: bấm');
    expect(ask('nhập chữ bằng micro thế nào')).toMatch(/Android: bấm[^]*iPhone: bấm/);
  });
});

describe('composeFromDocument, what a question asks', () => {
  it('answers "là gì" with the intro that defines the subject', () => {
    const { text } = composeFromDocument(
      readQuestion('ví điện tử là gì'),
      doc,
      weights(['vi', 'dien', 'tu']),
    );
    expect(text.split('\n')[0]).toBe('Ví điện tử giúp trả tiền nhanh.');
    expect(text).not.toContain('Bài này dành cho');
    expect(
      composeFromDocument(readQuestion('ví điện tử là sao'), doc, weights(['vi', 'dien', 'tu'])).text,
    ).toMatch(/^Ví điện tử giúp trả tiền nhanh\./);
  });

  it('shows a long sentence of a prose answer whole, with what it says to do at its end', () => {
    const long =
      'Ví điện tử có thể bị khóa tạm thời khi bạn nhập sai mã PIN nhiều lần liên tiếp, khi đổi sang ' +
      'điện thoại mới hoặc khi hệ thống thấy giao dịch lạ; lúc đó đừng cài ứng dụng nào khác mà hãy ' +
      'gọi tổng đài in ở mặt sau của thẻ để được nhân viên mở khóa.';
    const withLong: DocumentView = { ...doc, sections: [{ kind: 'intro', heading: '', text: long }] };
    const { text } = composeFromDocument(
      readQuestion('ví bị khóa có sao không'),
      withLong,
      weights(['vi', 'khoa']),
    );
    expect(long.length).toBeGreaterThan(230);
    expect(text).toContain('gọi tổng đài in ở mặt sau của thẻ để được nhân viên mở khóa.');
  });

  it('reads "vậy là sao" after a story as asking what is going on, not what a word means', () => {
    const { text } = composeFromDocument(
      readQuestion('Tự nhiên có người nhắn bảo bấm Tiếp tục ở mục số 3, vậy là sao?'),
      doc,
      weights(['muc', 'tiep', 'tuc']),
    );
    expect(text).not.toContain('Ví điện tử giúp trả tiền nhanh.');
  });

  it('opens a how-to answer with what to have ready, when the intro says so', () => {
    const ready: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'intro',
          heading: '',
          text: 'Ví điện tử giúp trả tiền nhanh. Chuẩn bị: căn cước và số điện thoại.',
        },
        ...doc.sections.slice(1),
      ],
    };
    const { text } = composeFromDocument(readQuestion('mở ví thế nào'), ready, weights(['mo', 'vi']));
    expect(text.split('\n')[0]).toBe('Chuẩn bị: căn cước và số điện thoại.');
  });

  it('opens the steps with a long leading sentence shown whole', () => {
    const need =
      'Chuẩn bị: căn cước gắn chip còn hạn, điện thoại đã cài ứng dụng ngân hàng chính thức, số ' +
      'điện thoại chính chủ đang dùng và một chỗ có mạng ổn định, vì nếu thiếu một thứ thì đến ' +
      'bước xác thực khuôn mặt bạn sẽ phải làm lại từ đầu.';
    const ready: DocumentView = {
      ...doc,
      sections: [
        { kind: 'intro', heading: '', text: `Ví điện tử giúp trả tiền nhanh. ${need}` },
        ...doc.sections.slice(1),
      ],
    };
    const { text } = composeFromDocument(readQuestion('mở ví thế nào'), ready, weights(['mo', 'vi']));
    expect(need.length).toBeGreaterThan(200);
    expect(text.split('\n')[0]).toBe(need);
  });

  it('matches accented words as typed: "nhận" is not "nhắn"', () => {
    const messages: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text:
            '1. Mở tin nhắn mới trong ứng dụng rồi đọc kỹ nội dung trước khi bấm bất cứ nút nào. Xóa tin rác.\n' +
            '2. Khi nhận mã lạ, không làm gì cả và báo ngay cho tổng đài. Đổi mật khẩu tài khoản đó.\n' +
            '3. Kiểm tra lại danh bạ, chặn các số điện thoại lạ đã gọi đến trong tuần.',
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('nhận mã lạ phải làm sao'),
      messages,
      weights(['nhan']),
      { budget: 200 },
    );
    // The step that holds "nhận" keeps its detail; the one with "nhắn" does not.
    expect(text).toContain('Đổi mật khẩu tài khoản đó.');
    expect(text).not.toContain('Xóa tin rác.');
  });

  it('finds the asked step by the words that tell steps apart, not the lesson subject every step holds', () => {
    const call = (n: number, what: string, more: string) => `${n}. ${what} khi gọi video qua Zalo. ${more}`;
    const lesson: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: [
            call(1, 'Chạm biểu tượng máy quay để gọi video', 'Gọi video tốn dữ liệu, nên dùng Wi-Fi ở nhà.'),
            '2. Cho phép Zalo dùng micrô và máy ảnh. Nếu không cho phép, người kia sẽ không nghe, không thấy bạn.',
            call(
              3,
              'Bấm nút đỏ để kết thúc cuộc gọi video',
              'Gọi video nhóm thì chạm biểu tượng nhóm trước.',
            ),
            call(4, 'Chuyển camera trước sau', 'Camera sau cho hình rõ hơn khi gọi video ngoài trời.'),
          ].join('\n'),
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('gọi video Zalo mà người kia không nghe thấy tiếng'),
      lesson,
      new Map([
        ['goi', 2],
        ['video', 3],
        ['goi_video', 2],
        ['zalo', 2],
        ['nghe', 3],
        ['tieng', 3],
      ]),
      { budget: 280 },
    );
    expect(text).toContain('người kia sẽ không nghe, không thấy bạn');
  });

  it('gives the room of a note that adds nothing to the steps to the detail of the asked step', () => {
    const long = (n: number, what: string) =>
      `${n}. ${what} trong ứng dụng của cơ quan, kiểm tra kỹ từng mục trước khi lưu. ` +
      'Ghi lại ngày giờ và người phụ trách vào sổ theo dõi của bộ phận.';
    const lesson = (note: string): DocumentView => ({
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: [
            long(1, 'Nhận hồ sơ'),
            long(2, 'Nhập dữ liệu'),
            '3. Khi công khai danh sách, chỉ đăng thông tin cần thiết. Che bớt số căn cước, số điện thoại.',
            long(4, 'Lưu hồ sơ'),
            long(5, 'Gửi kết quả'),
          ].join('\n'),
        },
        { kind: 'notes', heading: 'Lưu ý', text: `- ${note}` },
      ],
    });
    const q = readQuestion('công khai danh sách thì phải che những gì');
    const w = weights(['cong', 'khai', 'danh', 'sach', 'che', 'cuoc']);
    const generic =
      'Văn bản hướng dẫn tiếp tục được ban hành; tra cứu bản mới nhất trên cơ sở dữ liệu văn bản pháp luật của cơ quan.';
    const plain = composeFromDocument(q, lesson(generic), w, { budget: 300 }).text;
    expect(plain).toContain('Che bớt số căn cước');
    expect(plain).not.toContain('Lưu ý:');
    // A note that holds what the steps do not ("niêm yết") is kept, as the lead or the caution.
    const own = composeFromDocument(
      readQuestion('niêm yết công khai danh sách thì phải che những gì'),
      lesson(`Khi niêm yết, ${generic}`),
      new Map([...w, ['niem', 1], ['yet', 1]]),
      { budget: 300 },
    ).text;
    expect(own).toContain('Khi niêm yết, Văn bản hướng dẫn');
    // …unless the lesson's title holds it: the lesson's subject adds nothing.
    const titled = composeFromDocument(
      readQuestion('niêm yết công khai danh sách thì che thế nào'),
      { ...lesson(`Khi niêm yết, ${generic}`), title: 'Niêm yết danh sách' },
      new Map([...w, ['niem', 1], ['yet', 1]]),
      { budget: 300 },
    ).text;
    expect(titled).toContain('Che bớt số căn cước');
    expect(titled).not.toContain('Văn bản hướng dẫn');
  });

  it('answers from the sentence that tells the lesson apart, not from its common words', () => {
    const video: DocumentView = {
      docId: 'goi-video',
      title: 'Gọi video qua Zalo',
      kind: 'lesson',
      sections: [
        {
          kind: 'intro',
          heading: '',
          text: 'Gọi video qua Zalo giúp bạn thấy mặt con cháu ở xa. Gọi video tốn dung lượng hơn gọi thoại.',
        },
        {
          kind: 'steps',
          heading: 'Các bước',
          text: '1. Mở Zalo, chọn người cần gọi video.\n2. Chạm biểu tượng máy quay để gọi video.\n3. Gọi xong, bấm nút đỏ.',
        },
        {
          kind: 'notes',
          heading: 'Lưu ý',
          text:
            '- Không nghe cuộc gọi video Zalo từ người lạ.\n' +
            '- Hình đứng, tiếng rè: lại gần cục phát Wi-Fi.\n' +
            '- Gọi video Zalo qua 4G hết dung lượng nhanh.',
        },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('gọi video Zalo cho con mà hình cứ đứng, có sao không'),
      video,
      weights(['goi', 'video', 'zalo', 'con', 'hinh', 'dung']),
      { budget: 90 },
    );
    expect(text).toContain('lại gần cục phát Wi-Fi');
  });
});

const selfCheck = [
  '### Câu 1',
  'Gọi video thấy "con trai" hình mờ, nói vài câu rồi xin chuyển tiền gấp. Bạn làm gì?',
  '- A. Chuyển ngay vì đã thấy mặt.',
  '- B. Cúp máy, gọi lại bằng số điện thoại quen của con để hỏi.',
  'Đáp án: B. Hình và giọng trong cuộc gọi video có thể bị làm giả.',
  '',
  '### Câu 2',
  'Mã PIN nên đặt thế nào?',
  '- A. Ngày sinh',
  '- B. Sáu số khó đoán',
  'Đáp án: B',
].join('\n');

describe('quizPairs', () => {
  it('reads each self-check question with its right option and the reason', () => {
    expect(quizPairs(selfCheck)).toEqual([
      {
        stem: 'Gọi video thấy "con trai" hình mờ, nói vài câu rồi xin chuyển tiền gấp. Bạn làm gì?',
        answer:
          'Cúp máy, gọi lại bằng số điện thoại quen của con để hỏi. Hình và giọng trong cuộc gọi video có thể bị làm giả.',
      },
      { stem: 'Mã PIN nên đặt thế nào?', answer: 'Mã PIN nên đặt thế nào? Sáu số khó đoán.' },
    ]);
  });

  it('makes an answer that only answers its question read alone', () => {
    const check = [
      'Vì sao nên cập nhật ứng dụng?',
      '- A. Để sửa lỗi và dùng an toàn hơn.',
      '- B. Để máy chạy chậm đi.',
      'Đáp án: A. Bản cập nhật thường vá lỗi bảo mật.',
      '',
      'Có nên đọc to mã OTP ở chợ đông người?',
      '- A. Có, cho nhanh',
      '- B. Không, vì người xung quanh có thể nghe thấy',
      'Đáp án: B',
      '',
      'Người lạ gửi link tải "VNeID bản mới". Bạn làm gì?',
      '- A. Bấm link.',
      '- B. Không cài; chỉ tải VNeID từ CH Play hoặc App Store.',
      'Đáp án: B',
      '',
      'Thẻ bảo hiểm y tế do đâu cấp?',
      '- A. Bảo hiểm xã hội.',
      '- B. Cửa hàng điện thoại.',
      'Đáp án: A',
      '',
      'Người lạ xin ảnh căn cước của bạn. Bạn làm gì?',
      '- A. Không gửi, chặn số.',
      '- B. Gửi ngay.',
      'Đáp án: A',
    ].join('\n');
    expect(quizPairs(check).map((p) => p.answer)).toEqual([
      'Nên cập nhật ứng dụng để sửa lỗi và dùng an toàn hơn. Bản cập nhật thường vá lỗi bảo mật.',
      'Có nên đọc to mã OTP ở chợ đông người? Không, vì người xung quanh có thể nghe thấy.',
      'Không cài; chỉ tải VNeID từ CH Play hoặc App Store.',
      // A few words name what is asked only beside the question; "Bạn làm gì?" adds nothing.
      'Thẻ bảo hiểm y tế do đâu cấp? Bảo hiểm xã hội.',
      'Không gửi, chặn số.',
    ]);
  });

  it('answers a situation the self-check asks about with its right option, not the wrong one', () => {
    const lesson: DocumentView = {
      ...doc,
      sections: [
        { kind: 'intro', heading: '', text: 'Zalo cho phép gọi video miễn phí qua Internet.' },
        { kind: 'notes', heading: 'Lưu ý', text: '- Gọi video tốn nhiều dữ liệu di động; nên dùng Wi-Fi.' },
        { kind: 'quiz', heading: 'Tự kiểm tra › Câu 1', text: selfCheck.split('\n\n')[0]! },
      ],
    };
    const { text } = composeFromDocument(
      readQuestion('con trai gọi video hình mờ xin chuyển tiền gấp có phải lừa không'),
      lesson,
      weights(['con', 'trai', 'goi', 'video', 'hinh', 'mo', 'chuyen', 'tien', 'gap']),
    );
    expect(text).toContain('Cúp máy, gọi lại bằng số điện thoại quen của con để hỏi.');
    expect(text).not.toContain('Chuyển ngay vì đã thấy mặt');
  });
});

describe('long steps', () => {
  it('shows the asked step whole when its one long sentence ends with the action', () => {
    const lesson: DocumentView = {
      ...doc,
      sections: [
        {
          kind: 'steps',
          heading: 'Các bước',
          text: [
            '1. Tải ứng dụng chính thức từ kho ứng dụng của máy.',
            '2. Đăng nhập bằng tài khoản có mật khẩu mạnh.',
            '3. Hỏi ngắn gọn, rõ ràng.',
            '4. Vào phần Cài đặt của ứng dụng, xem mục quyền riêng tư: tắt lưu lịch sử hoặc tắt cho ' +
              'phép dùng dữ liệu của bạn nếu có tùy chọn, và xóa các cuộc trò chuyện không cần giữ.',
          ].join('\n'),
        },
      ],
    };
    const q = readQuestion('làm sao để nó đừng lưu lịch sử và xóa các cuộc trò chuyện cũ');
    const text = composeFromDocument(
      q,
      lesson,
      weights(['luu', 'lich', 'su', 'xoa', 'cuoc', 'tro', 'chuyen']),
    ).text;
    expect(text).toContain('xóa các cuộc trò chuyện không cần giữ.');
  });
});

describe('shorten', () => {
  it('keeps whole clauses when it can', () => {
    expect(shorten('Mở ứng dụng VNeID trên điện thoại, đăng nhập bằng số định danh cá nhân.', 40)).toBe(
      'Mở ứng dụng VNeID trên điện thoại.',
    );
    expect(shorten('Ngắn gọn.', 40)).toBe('Ngắn gọn.');
    // A clause does not end inside brackets.
    expect(
      shorten('Xác nhận bằng cách ngân hàng yêu cầu (vân tay, khuôn mặt hoặc mã PIN) rồi bấm Xong.', 50),
    ).toBe('Xác nhận bằng cách ngân hàng yêu cầu.');
    // A condition is not a clause to stop at, even with a comma inside its brackets.
    expect(
      shorten('Khi công khai danh sách (bình xét, niêm yết), chỉ đăng thông tin cần thiết.', 62),
    ).not.toBe('Khi công khai danh sách (bình xét, niêm yết).');
    // Nor is a comma between the short items of a condition's list.
    expect(
      shorten(
        'Khi người dân đề nghị xem, sửa, xóa dữ liệu hoặc rút lại sự đồng ý, tiếp nhận và chuyển xử lý.',
        60,
      ),
    ).not.toBe('Khi người dân đề nghị xem, sửa.');
    // Nor is a case ("Dùng xong", "nhất là …"): the action comes after it.
    expect(
      shorten('Dùng xong, nhất là trên máy tính dùng chung, bấm vào tên mình và chọn Đăng xuất.', 60),
    ).not.toBe('Dùng xong, nhất là trên máy tính dùng chung.');
    expect(shorten('Một hai ba bốn năm sáu bảy tám chín mười mười một', 30)).toMatch(/…$/);
  });

  it('runs a cut on to the end of the first action rather than stop at its condition or label', () => {
    expect(
      shorten(
        'Nếu đã cài ứng dụng lạ hoặc máy có dấu hiệu bị điều khiển: bật Chế độ máy bay, tắt Wi-Fi và 4G.',
        60,
      ),
    ).toBe('Nếu đã cài ứng dụng lạ hoặc máy có dấu hiệu bị điều khiển: bật Chế độ máy bay…');
    expect(
      shorten(
        'Khi nhận thiết bị hoặc kích hoạt ký số từ xa, đổi ngay mã PIN mặc định. Học thuộc mã PIN.',
        60,
      ),
    ).toBe('Khi nhận thiết bị hoặc kích hoạt ký số từ xa, đổi ngay mã PIN mặc định.');
    expect(
      shorten('Sao lưu sổ: bật sao lưu lên tài khoản đám mây hoặc gửi tệp sổ vào email, mỗi tuần.', 50),
    ).toBe('Sao lưu sổ: bật sao lưu lên tài khoản đám mây hoặc gửi tệp sổ vào email…');
    // After the label, a clause that holds an action of its own is a fine place to stop.
    expect(
      shorten(
        'Kiểm tra mức tài khoản: vào Ví giấy tờ; nếu thấy thẻ căn cước điện tử của bạn, bạn đã có mức độ 2.',
        60,
      ),
    ).toBe('Kiểm tra mức tài khoản: vào Ví giấy tờ.');
    expect(
      shorten('Học xong, vào mục khóa học của bạn để xem kết quả và chứng nhận, nếu khóa học có cấp.', 60),
    ).toBe('Học xong, vào mục khóa học của bạn để xem kết quả và chứng nhận…');
    // Too far on, the cut stays a cut.
    expect(shorten(`Nếu ${'rất '.repeat(30)}lâu: bấm nút.`, 60)).toMatch(/^Nếu rất.*…$/);
  });
});

describe('isHowTo', () => {
  it('reads the sentences that ask, not the story: "cài" told before "có sao không" asks no steps', () => {
    expect(isHowTo(readQuestion('Cháu cài Zalo cho bà hôm qua. Giờ máy cứ nóng ran, có sao không?'))).toBe(
      false,
    );
    expect(isHowTo(readQuestion('Cháu cài Zalo cho bà hôm qua. Giờ gọi video cho cháu thế nào?'))).toBe(true);
    expect(isHowTo(readQuestion('cài Zalo thế nào'))).toBe(true);
  });

  it('reads "việc đầu tiên cần làm là gì" as asking what to do, "là gì" alone as asking what it is', () => {
    expect(isHowTo(readQuestion('Vừa được phát USB token chữ ký số, việc đầu tiên cần làm là gì'))).toBe(
      true,
    );
    expect(isHowTo(readQuestion('cần làm gì khi nhận token'))).toBe(true);
    expect(isHowTo(readQuestion('USB token là gì'))).toBe(false);
    // Southern "làm … sao?": how to make it; "làm vậy là sao?" asks what it means.
    expect(isHowTo(readQuestion('Làm cái mã QR dán ở xe chè sao?'))).toBe(true);
    expect(isHowTo(readQuestion('Làm vậy là sao?'))).toBe(false);
  });

  it('reads Central asking words: "bấm vô chỗ mô", "làm răng"', () => {
    expect(isHowTo(readQuestion('Tui có app ngân hàng rồi mà trả tiền nước thì bấm vô chỗ mô?'))).toBe(true);
    expect(isHowTo(readQuestion('Cài VNeID cho mạ làm răng?'))).toBe(true);
    expect(isHowTo(readQuestion('Mô hình Chợ số là chi rứa?'))).toBe(false);
  });
});

describe('the whole way', () => {
  // Twenty steps: they do not all fit, and step 16 is the one the question names.
  const long: DocumentView = {
    ...doc,
    sections: [
      {
        kind: 'steps',
        heading: 'Các bước',
        text: Array.from(
          { length: 20 },
          (_, i) =>
            `${i + 1}. ${i === 15 ? 'Bật mã PIN: m' : 'M'}ở mục số ${i + 1} trong ứng dụng quản lý tài khoản, chạm nút Tiếp tục ở cuối màn hình rồi chờ máy báo xong, sau đó kiểm tra lại thông tin hiện lên.`,
        ).join('\n'),
      },
    ],
  };
  const first = (q: string) =>
    Number(
      /^(\d+)\. /m.exec(composeFromDocument(readQuestion(q), long, weights(['bat', 'ma', 'pin'])).text)?.[1],
    );

  it('starts at the step asked about, or at the first when every step is asked for', () => {
    expect(first('bật mã PIN thế nào')).toBeGreaterThan(1);
    expect(first('bật mã PIN làm từng bước sao')).toBe(1);
  });
});
