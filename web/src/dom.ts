/**
 * Building the page's elements. Text always goes in through `textContent` (or text nodes):
 * nothing from the server is ever parsed as HTML, so an article holding `<script>` shows it.
 */

type Child = Node | string | null | undefined | false

/** Attributes set with setAttribute; `false`, null and undefined leave one out. */
type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>

/**
 * Make an element with attributes and children; strings become text nodes.
 * @example el('td', { class: 'date' }, '2024-11-20') -> <td class="date">2024-11-20</td>
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  setAttributes(element, attributes)
  append(element, children)
  return element
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/** Make an SVG element. @example svg('circle', { r: 4, cx: 10, cy: 10 }) */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag)
  setAttributes(element, attributes)
  append(element, children)
  return element
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue
    // Event handler attributes would run text as code: refuse them outright.
    if (/^on/i.test(name)) throw new Error(`refusing to set the handler attribute ${name}`)
    element.setAttribute(name, value === true ? '' : String(value))
  }
}

function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
}

/** Replace an element's children. @example replaceChildren(tbody, ...rows) */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** The element with an id, or a clear error naming it. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id)
  if (found === null) throw new Error(`the page has no #${id}`)
  return found as T
}

/** What a panel shows: the `data-state` attribute drives the CSS and the tests. */
export type PanelState = 'idle' | 'loading' | 'empty' | 'error' | 'ready'

/**
 * Set a panel's state and its status line; an error gets a Retry button.
 * @example setPanelState(panel, 'empty', 'No events between Iran and Chile.')
 */
export function setPanelState(
  panel: HTMLElement,
  state: PanelState,
  message = '',
  retry?: () => void,
): void {
  panel.dataset['state'] = state
  panel.setAttribute('aria-busy', String(state === 'loading'))
  const status = panel.querySelector<HTMLElement>(':scope > .status')
  if (status === null) return
  setChildren(status, message)
  if (state === 'error' && retry !== undefined) {
    const button = el('button', { type: 'button', class: 'retry' }, 'Retry')
    button.addEventListener('click', retry)
    status.append(' ', button)
  }
}

/** A link only for http(s) URLs: a `javascript:` URL from an article must not become a link. */
export function safeLink(url: string | null, text: string): HTMLElement {
  if (url !== null && /^https?:\/\//i.test(url)) {
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text)
  }
  return el('span', {}, text)
}
