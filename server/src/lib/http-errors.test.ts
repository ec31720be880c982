import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/build-test-app';
import { loginAs } from '../test/factories';

const t = useTestApp();
const chinese = /[\u3400-\u9fff\uff1a]/;

describe('error messages', () => {
  it('name the field by its label, read a length in characters, and keep to the language asked for', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const body = { name: '长'.repeat(201), kind: 'enterprise', uscc: '91310000MA1FL8TQ3X' };
    const zh = (await session.send('POST', '/api/organizations', body)).json();
    expect(zh.message).toBe('提交的内容有误，请检查标出的字段。名称：最多 200 个字符');
    expect(zh.fields).toEqual([
      { path: 'name', message: '最多 200 个字符' },
      { path: 'uscc', message: expect.stringMatching(/^校验位应为 /) },
    ]);
    const en = (await session.send('POST', '/api/organizations', body, { 'accept-language': 'en-US,en;q=0.9' })).json();
    expect(en.message).toBe('Some fields are invalid. Name: at most 200 characters');
    expect(en.fields[1].message).toMatch(/^the check character should be /);
    expect(JSON.stringify(en)).not.toMatch(chinese);

    const uscc = (await session.send('POST', '/api/organizations', { ...body, name: '某公司' })).json();
    expect(uscc.message).toMatch(/统一社会信用代码：校验位应为/);
    expect(uscc.message).not.toMatch(/uscc/);
  });

  it('answers malformed JSON, missing fields and unknown routes in the language asked for, without Fastify’s English', async () => {
    const { session } = await loginAs(t.app, { role: 'admin' });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^请求格式有误/);
    const missing = (await session.send('POST', '/api/people', {}, { 'accept-language': 'en' })).json();
    expect(missing.message).toBe('Some fields are invalid. Name: is required');
    const nowhere = await session.get('/api/nowhere', { 'accept-language': 'en' });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json().message).toBe('Not found');
    expect((await session.get('/api/nowhere')).json().message).toBe('未找到该记录');
  });
});
