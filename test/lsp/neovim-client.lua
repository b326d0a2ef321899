-- Drives the Corroborate language server from headless Neovim: one hover and the diagnostics, printed as
-- lines for test/lsp/neovim.test.ts to check. Neovim 0.7 (Debian) has no vim.lsp.start, hence start_client.
local server = os.getenv('CORROBORATE_SERVER')
local file = os.getenv('CORROBORATE_DOCUMENT')
local hover_line = tonumber(os.getenv('CORROBORATE_HOVER_LINE'))
local hover_character = tonumber(os.getenv('CORROBORATE_HOVER_CHARACTER'))
local function say(text) io.stdout:write(text .. '\n') end

vim.cmd('edit ' .. file)
local buffer = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'corroborate', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h'),
  workspace_folders = { { uri = vim.uri_from_fname(vim.fn.fnamemodify(file, ':h')), name = 'seeds' } },
})
vim.lsp.buf_attach_client(buffer, client_id)
local ready = vim.wait(10000, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return client ~= nil and client.initialized == true
end, 20)
say('initialized=' .. tostring(ready))

local uri = vim.uri_from_bufnr(buffer)
local diagnostics_arrived = vim.wait(10000, function() return #vim.diagnostic.get(buffer) > 0 end, 20)
say('diagnostics_arrived=' .. tostring(diagnostics_arrived))
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  say(('diagnostic=%d:%s:%s'):format(diagnostic.lnum + 1, tostring(diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)), diagnostic.message))
end

local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/hover',
  { textDocument = { uri = uri }, position = { line = hover_line, character = hover_character } }, 10000)
for _, response in pairs(responses or {}) do
  if response.result then
    local contents = response.result.contents
    local text = type(contents) == 'table' and (contents.value or '') or tostring(contents)
    for line in text:gmatch('[^\n]+') do say('hover=' .. line) end
  end
end

vim.lsp.stop_client(client_id)
vim.cmd('qa!')
