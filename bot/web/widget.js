/* global document, URL */
// Embeds the ward assistant on another site (the ward portal):
//   <script src="https://ASSISTANT-HOST/widget.js" defer></script>
// It adds a "Hỏi trợ lý" button that opens the chat in a frame served by the assistant itself,
// so the portal's styles and scripts never touch it.
(() => {
  const origin = new URL(document.currentScript.src).origin;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Hỏi trợ lý';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'bdhvs-chat-frame');
  Object.assign(button.style, {
    position: 'fixed',
    right: '1rem',
    bottom: '1rem',
    zIndex: '2147483647',
    padding: '0.8rem 1.2rem',
    font: '600 17px system-ui, sans-serif',
    color: '#fff',
    background: '#a3161a',
    border: 'none',
    borderRadius: '2rem',
    boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    cursor: 'pointer',
  });
  const frame = document.createElement('iframe');
  frame.id = 'bdhvs-chat-frame';
  frame.title = 'Trợ lý Bình dân học vụ số';
  frame.src = `${origin}/`;
  frame.hidden = true;
  Object.assign(frame.style, {
    position: 'fixed',
    right: '1rem',
    bottom: '4.5rem',
    width: 'min(26rem, calc(100vw - 2rem))',
    height: 'min(40rem, calc(100vh - 6rem))',
    border: '1px solid #ccc',
    borderRadius: '0.8rem',
    background: '#fff',
    zIndex: '2147483647',
    boxShadow: '0 4px 16px rgba(0,0,0,.3)',
  });
  const toggle = (open) => {
    frame.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Đóng trợ lý' : 'Hỏi trợ lý';
    if (open) frame.focus();
  };
  button.addEventListener('click', () => toggle(frame.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !frame.hidden) {
      toggle(false);
      button.focus();
    }
  });
  document.body.append(frame, button);
})();
