/* global document, localStorage, crypto, fetch */
// The web chat: plain DOM, no framework. Everything the resident or the assistant wrote is
// inserted with textContent, never as HTML.
(() => {
  const messages = document.getElementById('messages');
  const form = document.getElementById('ask');
  const question = document.getElementById('question');
  const send = document.getElementById('send');
  const status = document.getElementById('status');
  const largeText = document.getElementById('large-text');

  const store = {
    get: (key) => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    set: (key, value) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // Private browsing: the chat still works, it just forgets on reload.
      }
    },
  };

  const userId = (() => {
    let id = store.get('bdhvs-user-id');
    if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      id = 'w_' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      store.set('bdhvs-user-id', id);
    }
    return id;
  })();

  const setLarge = (on) => {
    document.documentElement.classList.toggle('large-text', on);
    largeText.setAttribute('aria-pressed', String(on));
    store.set('bdhvs-large-text', on ? '1' : '0');
  };
  setLarge(store.get('bdhvs-large-text') === '1');
  largeText.addEventListener('click', () => setLarge(largeText.getAttribute('aria-pressed') !== 'true'));

  const show = (who, text, buttons = []) => {
    const bubble = document.createElement('div');
    bubble.className = `msg ${who}`;
    const p = document.createElement('p');
    p.textContent = text;
    bubble.append(p);
    if (buttons.length) {
      const group = document.createElement('div');
      group.className = 'choices';
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Lựa chọn');
      for (const button of buttons) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = button.label;
        b.addEventListener('click', () => {
          for (const other of group.querySelectorAll('button')) other.disabled = true;
          ask({ buttonId: button.id }, button.label);
        });
        group.append(b);
      }
      bubble.append(group);
    }
    messages.append(bubble);
    messages.scrollTop = messages.scrollHeight;
    return bubble;
  };

  let busy = false;
  async function ask(body, shown) {
    if (busy) return;
    busy = true;
    send.disabled = true;
    show('user', shown);
    status.textContent = 'Trợ lý đang trả lời…';
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, ...body }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(data.error || 'Không gửi được.');
      for (const reply of data.replies || []) show('bot', reply.text, reply.buttons || []);
      const firstChoice = messages.querySelector('.msg.bot:last-child .choices button');
      if (firstChoice) firstChoice.focus();
      else question.focus();
    } catch (error) {
      show('bot', `${error.message || 'Không gửi được.'} Bạn kiểm tra mạng rồi thử lại nhé.`);
    } finally {
      busy = false;
      send.disabled = false;
      status.textContent = '';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    question.value = '';
    ask({ text }, text);
  });
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
