import { readFileSync } from "node:fs";

export interface NginxSettings {
  runDir: string;
  listen: string;
  instances: { host: string; port: number }[];
  microCache: boolean;
}

/** deploy/nginx.conf with its placeholders filled in (see the template's head). */
export function renderNginxConf(template: string, settings: NginxSettings): string {
  const upstreams = settings.instances
    .map(({ host, port }) => `    server ${host}:${port} max_fails=2 fail_timeout=10s;`)
    .join("\n");
  const filled = template
    .replaceAll("@@RUN_DIR@@", settings.runDir)
    .replaceAll("@@LISTEN@@", settings.listen)
    .replaceAll("@@UPSTREAMS@@", upstreams)
    .replaceAll("@@MICRO_CACHE@@", settings.microCache ? "marquee_micro" : "off");
  const left = /@@[A-Z_]+@@/.exec(filled);
  if (left) throw new Error(`deploy/nginx.conf has a placeholder nobody fills: ${left[0]}`);
  return filled;
}

export function readTemplate(file: string): string {
  return readFileSync(file, "utf8");
}
