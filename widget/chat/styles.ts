/**
 * The widget's styles, inside its shadow root: the page's rules do not reach in and these do not
 * reach out. They are adopted as a constructed stylesheet, which a strict Content-Security-Policy
 * (`style-src 'self'`, no 'unsafe-inline') allows; a browser without constructed stylesheets gets a
 * <style> element, which needs 'unsafe-inline' in style-src. Sizes are in em of the panel's own
 * font size, so the text-size switch scales everything.
 */
const CSS = `
:host{all:initial!important;display:block!important;position:static!important;visibility:visible!important;opacity:1!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.root{--ca-accent:#0b5cad;--ca-scale:1;font:calc(16px * var(--ca-scale))/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b2430;text-align:left;letter-spacing:normal;word-spacing:normal;text-transform:none;direction:ltr}
button,input,select{font:inherit;color:inherit;letter-spacing:inherit}
button{cursor:pointer}
svg{width:1.4em;height:1.4em;flex:none}
:focus-visible{outline:3px solid #1b2430;outline-offset:2px}
.header :focus-visible,.launcher:focus-visible{outline-color:#fff;box-shadow:0 0 0 6px #1b2430}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.launcher{position:fixed;bottom:16px;right:16px;z-index:2147483646;display:flex;align-items:center;gap:.5em;min-height:56px;min-width:56px;padding:0 1.1em;border:0;border-radius:28px;background:var(--ca-accent);color:#fff;font-weight:600;font-size:16px;box-shadow:0 4px 16px rgba(0,0,0,.25)}
.left .launcher{right:auto;left:16px}
.badge{min-width:1.6em;height:1.6em;padding:0 .4em;border-radius:.8em;background:#fff;color:#9b1c1c;font-size:.85em;font-weight:700;display:inline-flex;align-items:center;justify-content:center}
.panel{display:flex;flex-direction:column;background:#fff;overflow:hidden;min-width:0}
.floating .panel{position:fixed;z-index:2147483647;right:16px;bottom:84px;width:min(26em,calc(100vw - 32px));height:min(42em,calc(100vh - 100px));border:1px solid #c8d0dc;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25)}
.floating.left .panel{right:auto;left:16px}
.inline .panel{height:min(40em,90vh);max-width:100%;border:1px solid #c8d0dc;border-radius:12px}
@media (max-width:480px),(max-height:560px){.floating .panel{inset:0;width:100%;height:100%;max-height:none;border-radius:0;border:0}}
.header{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em;padding:.4em .5em .4em 1em;background:var(--ca-accent);color:#fff}
.header h2{flex:1 1 8em;margin:0;font-size:1.05em;font-weight:600;min-width:0;overflow-wrap:anywhere}
.tools{display:flex;flex-wrap:wrap;gap:.25em;margin-left:auto}
.tool{min-height:44px;min-width:44px;display:inline-flex;align-items:center;justify-content:center;gap:.3em;padding:0 .6em;border:1px solid rgba(255,255,255,.7);border-radius:8px;background:transparent;color:#fff;font-size:.9em}
.number{margin:0;padding:.3em 1em;background:#eef3f9;color:#33404f;font-size:.85em;overflow-wrap:anywhere}
.confirm{padding:.75em 1em;background:#fff8e6;border-bottom:1px solid #e8d7a8}
.confirm p{margin:0 0 .5em}
.buttons{display:flex;flex-wrap:wrap;gap:.5em}
.buttons button,.choices button{min-height:44px;padding:.4em .9em;border:1px solid var(--ca-accent);border-radius:22px;background:#fff;color:var(--ca-accent);text-align:left;overflow-wrap:anywhere}
button.primary,.buttons button.primary{background:var(--ca-accent);border-color:var(--ca-accent);color:#fff}
.log{list-style:none;margin:0;padding:.75em;overflow-y:auto;overflow-x:hidden;flex:1 1 auto;min-height:0;display:flex;flex-direction:column;gap:.5em}
.msg{padding:.5em .75em;border-radius:10px;max-width:92%;white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.from-citizen{align-self:flex-end;background:#e3effc}
.from-bot,.from-system{align-self:flex-start;background:#f1f3f6}
.from-operator{align-self:flex-start;background:#fff4d6;border-left:4px solid #8a6100}
.earlier{color:#3d4654}
.author{display:block;font-size:.85em;font-weight:700;color:#5c4100;margin-bottom:.2em}
.msg a{color:#0a4f96;text-decoration:underline}
.file{display:inline-flex;align-items:center;gap:.4em;margin-top:.4em;min-height:44px;font-weight:600}
.choices{display:flex;flex-wrap:wrap;gap:.4em;margin-top:.5em;white-space:normal}
.checklist{border:0;margin:0;padding:0;min-width:0;white-space:normal}
.checklist legend{font-weight:600;padding:0;margin-bottom:.4em}
.checklist ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.3em}
.checklist li{display:flex;flex-wrap:wrap;align-items:flex-start;gap:0 .5em;padding:.2em 0;border-bottom:1px solid #dde2e8}
.checklist input{width:1.4em;height:1.4em;margin:.6em .1em 0;flex:none;accent-color:var(--ca-accent)}
.checklist label{flex:1 1 10em;min-width:0;min-height:44px;padding:.45em 0;cursor:pointer}
.checklist .doc{margin-right:.4em}
.state{display:inline-block;font-size:.85em;padding:0 .4em;border-radius:4px;background:#eef0f3;color:#3d4654}
.state.done{background:#dff3e4;color:#1d5c2e;font-weight:600}
.note,.hint{margin:.1em 0 .2em 2em;font-size:.9em;color:#3d4654;flex-basis:100%}
.hint{margin-left:0}
.typing{margin:0;padding:0 1em;color:#3d4654;font-size:.9em;font-style:italic}
.status{margin:0;padding:.3em 1em;background:#fff4d6;color:#5c4100;font-size:.9em}
.status:empty{display:none}
.composer{border-top:1px solid #e1e5ea}
.form{display:flex;gap:.4em;padding:.6em;align-items:stretch}
.form input[type=text]{flex:1 1 0;width:0;min-width:0;min-height:44px;padding:.4em .6em;border:1px solid #6b7685;border-radius:8px;background:#fff}
.form .primary{display:inline-flex;align-items:center;gap:.3em;min-height:44px;min-width:44px;padding:0 .8em;border:0;border-radius:8px}
.attach{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;border-radius:8px;color:var(--ca-accent);cursor:pointer}
.attach:focus-within{outline:3px solid #1b2430;outline-offset:2px}
.counter{margin:0;padding:0 1em .5em;color:#3d4654;font-size:.85em;text-align:right}
.preview{display:flex;gap:.75em;padding:.6em;align-items:flex-start;background:#f6f8fa}
.preview img{width:5em;height:5em;object-fit:cover;border-radius:6px;border:1px solid #c8d0dc}
.preview svg{width:3em;height:3em;color:#3d4654;flex:none}
.about{flex:1;min-width:0}
.about p{margin:0 0 .3em;overflow-wrap:anywhere}
.about .name{font-weight:600}
.refusal{color:#9b1c1c;font-weight:600}
@media (max-width:480px){.launcher .label{display:none}.form .primary span{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}}
@media (prefers-reduced-motion:no-preference){.panel{animation:ca-in .15s ease-out}@keyframes ca-in{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}}
`;

export function applyStyles(root: ShadowRoot): void {
  if ('adoptedStyleSheets' in root && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = CSS;
  root.append(style);
}
