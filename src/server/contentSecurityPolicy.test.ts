import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, policyOfPage, scenarioHostsFrom } from './contentSecurityPolicy';

describe('the content security policy', () => {
  it('lets the page fetch only its own site unless hosts are named: no https: wildcard', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https:(?!\/\/)/);
    expect(contentSecurityPolicy({ scenarioHosts: ['https://raw.githubusercontent.com'] })).toContain("connect-src 'self' https://raw.githubusercontent.com;");
  });

  it("relaxes only what Vite's dev server needs: inline styles and the class server's port", () => {
    const dev = contentSecurityPolicy({ dev: { classServer: 'http://127.0.0.1:2568' } });
    expect(dev).toContain("style-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' http://127.0.0.1:2568 ws://127.0.0.1:2568");
    expect(dev).toContain("script-src 'self';");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('reads the scenario hosts as https origins and refuses anything wider, in words', () => {
    expect(scenarioHostsFrom(undefined)).toEqual([]);
    expect(scenarioHostsFrom(' https://raw.githubusercontent.com, https://gist.githubusercontent.com/ ')).toEqual(['https://raw.githubusercontent.com', 'https://gist.githubusercontent.com']);
    expect(() => scenarioHostsFrom('http://example.org')).toThrow(/'http:\/\/example.org' is not https/);
    expect(() => scenarioHostsFrom('https://example.org/files')).toThrow(/has a path or a wildcard; give only the site, such as https:\/\/example.org/);
    expect(() => scenarioHostsFrom('https:')).toThrow(/is not an address/);
    expect(() => scenarioHostsFrom('*')).toThrow(/is not an address/);
  });

  it("lets the page start its scenario checker's worker from its own site only (no blob: or data: workers)", () => {
    for (const policy of [CONTENT_SECURITY_POLICY, contentSecurityPolicy({ dev: {} })]) {
      expect(policy).toContain("worker-src 'self';");
      expect(policy).toContain("script-src 'self';");
      expect(/worker-src[^;]*(blob:|data:|\*)/.test(policy)).toBe(false);
    }
  });

  it('reads back the policy a built page states', () => {
    const html = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`;
    expect(policyOfPage(html)).toBe(CONTENT_SECURITY_POLICY);
    expect(policyOfPage('<title>no policy</title>')).toBeUndefined();
  });
});
