// A video embed node for django-prose-editor: keeps allowed <iframe> players in article bodies
// editable, and adds an "Insert video" button. The server decides what is allowed
// (articles/richtext.py); anything it refuses is removed when the article is saved.
import { mergeAttributes, Node } from "django-prose-editor/editor"

const ATTRIBUTES = ["src", "width", "height", "title", "allow", "allowfullscreen", "loading"]

// Editors paste the address they watch the video at; players live at a different address.
function playerAddress(address) {
  const url = new URL(address.trim())
  const host = url.hostname.replace(/^(www|m)\./, "")
  if (host === "youtube.com" && url.pathname === "/watch" && url.searchParams.get("v")) {
    return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(url.searchParams.get("v"))}`
  }
  if (host === "youtu.be") {
    return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(url.pathname.slice(1))}`
  }
  if (host === "facebook.com" && !url.pathname.startsWith("/plugins/")) {
    return `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(url.href)}`
  }
  return url.href
}

export const VideoEmbed = Node.create({
  name: "videoEmbed",
  group: "block",
  atom: true,
  draggable: true,

  addAttributes() {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, { default: null }]))
  },

  parseHTML() {
    return [{ tag: "iframe[src]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["iframe", mergeAttributes(HTMLAttributes)]
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "videoEmbed",
      groups: "nodes",
      button: buttons.material("smart_display", "Insert video"),
      command(editor) {
        const address = window.prompt("Video address (YouTube, Facebook or our own player)")
        if (!address) return
        let src
        try {
          src = playerAddress(address)
        } catch {
          window.alert("That is not a web address.")
          return
        }
        editor
          .chain()
          .focus()
          .insertContent({
            type: "videoEmbed",
            attrs: { src, width: "560", height: "315", title: "Video", allowfullscreen: "", loading: "lazy" },
          })
          .run()
      },
    })
  },
})
