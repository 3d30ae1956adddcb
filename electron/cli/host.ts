/** `npm run host`: the hall server headless, under plain Node (`--help` lists the options). */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { createHost, defaultStaticDir } from '../host'
import type { HostHandle } from '../host'
import { credentialsCsv } from '../host/http/downloads'
import { defaultKeyDir } from '../host/store/ballot-box/vote-keys'
import { readCommandLine } from './command-line'

const { values } = readCommandLine({
  usage: 'npm run host -- [options]',
  about: '民生实事票决 hall server, headless: the staff console, the tablets and the screen.',
  options: {
    port: { type: 'string', value: 'N', help: 'port to listen on (or PORT); default 8080' },
    data: {
      type: 'string',
      value: 'DIR',
      help: 'data folder (or PLENARY_DATA); default ~/PlenaryVote/data',
    },
    keys: {
      type: 'string',
      value: 'DIR',
      help: `open ballot boxes' keys and the kept staff token, never inside the data folder (or PLENARY_KEYS); default ${defaultKeyDir()}`,
    },
    bind: {
      type: 'string',
      value: 'ADDR',
      help: 'address to listen on; default 0.0.0.0 (every interface), 127.0.0.1 for this machine only',
    },
    'no-build': {
      type: 'boolean',
      help: 'do not build the pages when out/renderer is missing (tests, a prebuilt copy)',
    },
    demo: {
      type: 'string',
      value: 'N',
      help: 'load a demo meeting of N deputies; their credentials go to DATA/credentials.csv',
    },
    'staff-token': {
      type: 'string',
      value: 'T',
      help: 'this staff token for this run, instead of the one kept for the data folder',
    },
    'rotate-staff-token': {
      type: 'boolean',
      help: 'replace the staff token kept for the data folder: open consoles are refused and need the new console URL',
    },
    'host-name': {
      type: 'string',
      value: 'NAME',
      multiple: true,
      help: 'a name the hall DNS gives this machine (e.g. plenary.lan); by default only its addresses and localhost are answered',
    },
    'lan-console': {
      type: 'boolean',
      help: 'admit the console from other LAN machines (the token is still needed)',
    },
    'ready-file': {
      type: 'string',
      value: 'F',
      help: 'write {"port", "staffToken", "pid"} as JSON to F (0600) once listening, for scripts',
    },
    'max-connections-per-address': {
      type: 'string',
      value: 'N',
      help: "Socket.IO connections one address may hold (default 50, 0 = no cap; this machine's own are never capped)",
    },
  },
})

const port = Number(values.port ?? process.env.PORT ?? 8080)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口无效 / invalid port: ${values.port ?? process.env.PORT}`)
  process.exit(2)
}
const perAddress = Number(values['max-connections-per-address'] ?? 50)
if (!Number.isInteger(perAddress) || perAddress < 0) {
  console.error(
    `--max-connections-per-address 需要不小于 0 的整数 / takes a whole number ≥ 0: ${values['max-connections-per-address']}`,
  )
  process.exit(2)
}
if (values['staff-token'] !== undefined && values['rotate-staff-token']) {
  console.error(
    '--staff-token 与 --rotate-staff-token 不能同时使用 / --staff-token and --rotate-staff-token exclude each other',
  )
  process.exit(2)
}
if (values['staff-token'] === '') {
  console.error('--staff-token 不能为空 / --staff-token must not be empty')
  process.exit(2)
}
const dataDir = resolve(
  values.data ?? process.env.PLENARY_DATA ?? join(homedir(), 'PlenaryVote', 'data'),
)
const staticDir = defaultStaticDir()

if (!values['no-build'] && !existsSync(join(staticDir, 'tablet', 'index.html'))) {
  console.log('首次运行：正在构建页面… / building the pages…')
  const built = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

/** What the console URL printed below is good for (README: A restart keeps the console). */
const tokenNote: Record<HostHandle['staffTokenSource'], string> = {
  given:
    '会务令牌由 --staff-token 指定，仅本次有效 / staff token from --staff-token, this run only',
  random: '会务令牌仅本次有效 / staff token for this run only',
  new: '会务令牌已为本数据文件夹新建，重启后不变 / new staff token, kept for this data folder across restarts',
  reused:
    '会务令牌沿用上次（已打开的控制台重连即可）；更换令牌：--rotate-staff-token / staff token kept from the last start (open consoles reconnect); replace it with --rotate-staff-token',
  rotated:
    '会务令牌已更换：旧地址的控制台将被拒绝，请用上面的新地址 / staff token replaced: consoles on the old URL are refused, use the URL above',
}

try {
  const host = await createHost({
    dataDir,
    port,
    host: values.bind ?? '0.0.0.0',
    staticDir,
    keyDir: values.keys ? resolve(values.keys) : defaultKeyDir(),
    allowLanConsole: values['lan-console'] ?? false,
    hostNames: values['host-name'] ?? [],
    connectionsPerAddress: perAddress,
    ...(values['staff-token'] !== undefined
      ? { staffToken: values['staff-token'] }
      : { keepStaffToken: true, rotateStaffToken: values['rotate-staff-token'] ?? false }),
  })
  if (values.demo !== undefined) {
    const count = Number(values.demo)
    if (!Number.isInteger(count) || count < 1 || count > 50_000) {
      console.error(`--demo 需要 1 到 50000 之间的整数 / --demo takes a whole number 1..50000`)
      process.exit(2)
    }
    await host.meetings.loadDemo(count)
    const file = join(dataDir, 'credentials.csv')
    await writeFile(file, credentialsCsv(host.hall, host.tabletBases()[0] ?? ''), { mode: 0o600 })
    console.log(
      `演示会议：${count} 名代表，凭证已写入 / demo meeting of ${count}; credentials in ${file}`,
    )
    console.log(
      `演练 / rehearse: npm run simulate -- --url http://127.0.0.1:${host.port} --credentials ${file}`,
    )
  }
  console.log(`民生实事票决 · 主机已启动 / host running`)
  console.log(`数据目录 / data folder: ${dataDir}`)
  console.log(`投票密钥目录 / ballot box keys: ${host.keyDir}`)
  console.log(
    `会务控制台 / staff console (${values['lan-console'] ? 'LAN, with the token' : 'this machine only'}):\n  ${host.consoleUrl}`,
  )
  console.log(tokenNote[host.staffTokenSource])
  console.log(`代表平板加入 / tablets join at:`)
  for (const base of host.tabletBases()) console.log(`  ${base}/tablet/`)
  console.log(`大屏 / projector screen:`)
  for (const base of host.tabletBases()) console.log(`  ${base}/screen/`)
  const stop = () => {
    void host.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  if (values['ready-file']) {
    const ready = { port: host.port, staffToken: host.staffToken, pid: process.pid }
    await writeFile(values['ready-file'], JSON.stringify(ready), { mode: 0o600 })
  }
} catch (error) {
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(
      `端口 ${port} 已被占用，请用 --port 选择其他端口 / port ${port} is in use: choose another with --port`,
    )
    process.exit(1)
  }
  throw error
}
